import mongoose, { Schema } from 'mongoose';

const openDayPresenterSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** First name only. */
    firstName: { type: String, required: true },
    consentToPresent: { type: Boolean, required: true },
    consentToRecording: { type: Boolean, required: true },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    recordedAt: { type: Date, required: true, default: () => new Date() },
    withdrawnAt: { type: Date, default: null },
  },
  { versionKey: false },
);

/**
 * A young person or family member presenting from lived experience, with their consent. Kept apart from
 * registrations, so presenters never appear in headcounts, attendance or exports.
 */
export const OpenDayPresenterModel = mongoose.model('OpenDayPresenter', openDayPresenterSchema);
