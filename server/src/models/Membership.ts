import mongoose, { Schema } from 'mongoose';
import { COMMUNITY_ROLES } from '@common-ground/shared';

const membershipSchema = new Schema(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, required: true, enum: COMMUNITY_ROLES },
    joinedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
membershipSchema.index({ communityId: 1, userId: 1 }, { unique: true });
membershipSchema.index({ userId: 1 });

/** A person's role in a community. */
export const MembershipModel = mongoose.model('Membership', membershipSchema);
export type MembershipRecord = InstanceType<typeof MembershipModel>;
