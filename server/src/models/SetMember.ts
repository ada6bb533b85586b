import mongoose, { Schema } from 'mongoose';
import { COMMUNITY_ROLES } from '@common-ground/shared';

const setMemberSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, required: true, enum: COMMUNITY_ROLES },
    addedAt: { type: Date, required: true, default: () => new Date() },
    /**
     * Set when someone is removed. The row stays, so the backfill's unique insert can never bring them back; adding
     * them again clears it.
     */
    removedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
setMemberSchema.index({ roomId: 1, userId: 1 }, { unique: true });
setMemberSchema.index({ userId: 1 });

/** A person's role among a learning set's own people (the set is closed to anyone not listed). */
export const SetMemberModel = mongoose.model('SetMember', setMemberSchema);
export type SetMemberRecord = InstanceType<typeof SetMemberModel>;
