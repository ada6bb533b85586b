import mongoose, { Schema } from 'mongoose';

const activitySchema = new Schema(
  {
    roomId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    /** What was done: 'contact', 'milestone', 'adaptation', 'reflection', 'sponsor', 'meeting'. */
    kind: { type: String, required: true },
    at: { type: Date, required: true },
    /** A contact logged off the platform, or a meeting held: both sides took part. */
    twoWay: { type: Boolean, default: false },
  },
  { versionKey: false },
);
activitySchema.index({ roomId: 1, at: -1 });

/**
 * Something one organisation did in a partnership other than post in its discussion (messages are read from Message):
 * the stored activity its engagement figures are computed from.
 */
export const PartnershipActivityModel = mongoose.model('PartnershipActivity', activitySchema);
