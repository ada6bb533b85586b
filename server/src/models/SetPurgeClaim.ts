import mongoose, { Schema } from 'mongoose';

const setPurgeClaimSchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true, unique: true },
    claimedAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);

/** The unique insert that lets exactly one instance delete an ended set's content, however many run the job. */
export const SetPurgeClaimModel = mongoose.model('SetPurgeClaim', setPurgeClaimSchema);
