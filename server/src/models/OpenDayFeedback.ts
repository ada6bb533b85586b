import mongoose, { Schema } from 'mongoose';

const openDayFeedbackSchema = new Schema(
  {
    /** The registration's id: one feedback per registration, settled by the unique `_id`. */
    _id: { type: Schema.Types.ObjectId, required: true },
    openDayId: { type: Schema.Types.ObjectId, required: true, index: true },
    usefulness: { type: Number, required: true },
    nextStep: { type: String, default: '' },
    whoElse: { type: String, default: '' },
    whatWouldStop: { type: String, default: '' },
    wouldLikeToTalk: { type: Boolean, default: false },
    attendanceOnJourney: { type: Boolean, default: false },
    submittedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** A visitor's feedback; holds no name, so it stays (anonymous) when the registrations are deleted. */
export const OpenDayFeedbackModel = mongoose.model('OpenDayFeedback', openDayFeedbackSchema);
