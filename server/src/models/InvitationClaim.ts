import mongoose, { Schema } from 'mongoose';

const invitationClaimSchema = new Schema(
  {
    /** The invitation's id: the unique `_id` is what lets only one accept win, on FerretDB as on MongoDB. */
    _id: { type: Schema.Types.ObjectId, required: true },
    claimedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** The record that an invitation has been used; inserted once, since conditional updates are not atomic everywhere. */
export const InvitationClaimModel = mongoose.model('InvitationClaim', invitationClaimSchema);
