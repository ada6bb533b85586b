import mongoose, { Schema } from 'mongoose';

const meetingHelpfulQuestionSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    markedBy: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
meetingHelpfulQuestionSchema.index({ meetingId: 1, messageId: 1 }, { unique: true });

/** A typed question the presenter marked as one that helped. */
export const MeetingHelpfulQuestionModel = mongoose.model(
  'MeetingHelpfulQuestion',
  meetingHelpfulQuestionSchema,
);
