import mongoose, { Schema } from 'mongoose';
import { QUESTION_STATUSES } from '@common-ground/shared';

const openDayQuestionSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true },
    /** The asking pass; cleared with the registrations' personal data. */
    passId: { type: Schema.Types.ObjectId, default: null },
    text: { type: String, required: true },
    originalText: { type: String, default: null },
    status: { type: String, required: true, enum: QUESTION_STATUSES, default: 'pending' },
    answer: { type: String, default: null },
    /** Counted from OpenDayVote after each vote (never `$inc`ed), so it is a cache of the votes. */
    votes: { type: Number, required: true, default: 0 },
    personalDataFlag: { type: Boolean, required: true, default: false },
    mergedIntoId: { type: Schema.Types.ObjectId, default: null },
    approvedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false },
);
openDayQuestionSchema.index({ openDayId: 1, status: 1 });
openDayQuestionSchema.index({ openDayId: 1, passId: 1 });

/** A visitor's question to an open day's hosts; only approved ones are ever shown to other visitors. */
export const OpenDayQuestionModel = mongoose.model('OpenDayQuestion', openDayQuestionSchema);
export type OpenDayQuestionRecord = InstanceType<typeof OpenDayQuestionModel>;
