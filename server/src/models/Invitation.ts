import mongoose, { Schema } from 'mongoose';
import { COMMUNITY_ROLES } from '@common-ground/shared';

const invitationSchema = new Schema(
  {
    communityId: { type: Schema.Types.ObjectId, required: true, index: true },
    email: { type: String, required: true },
    role: { type: String, required: true, enum: COMMUNITY_ROLES },
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    acceptedBy: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** A single-use invitation into a community with a given role. */
export const InvitationModel = mongoose.model('Invitation', invitationSchema);
export type InvitationRecord = InstanceType<typeof InvitationModel>;
