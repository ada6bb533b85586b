import mongoose, { Schema } from 'mongoose';

const openDayVoteSchema = new Schema(
  {
    openDayId: { type: Schema.Types.ObjectId, required: true },
    questionId: { type: Schema.Types.ObjectId, required: true },
    /** The voting pass: the unique (questionId, passId) makes a second vote fail, on FerretDB as on MongoDB. */
    passId: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);
openDayVoteSchema.index({ questionId: 1, passId: 1 }, { unique: true });
openDayVoteSchema.index({ openDayId: 1, passId: 1 });

/** One pass's upvote of one approved question. */
export const OpenDayVoteModel = mongoose.model('OpenDayVote', openDayVoteSchema);
