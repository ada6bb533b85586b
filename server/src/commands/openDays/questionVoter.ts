import { isValidObjectId } from 'mongoose';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { OpenDayQuestionModel, type OpenDayQuestionRecord } from '../../models/OpenDayQuestion.ts';
import { OpenDayVoteModel } from '../../models/OpenDayVote.ts';

/** Sets a question's vote count from its votes (a recount, never an `$inc`, so racing votes cannot lose one). */
export async function recountVotes(questionId: string): Promise<void> {
  const votes = await OpenDayVoteModel.countDocuments({ questionId });
  await OpenDayQuestionModel.updateOne({ _id: questionId }, { $set: { votes } });
}

/**
 * Upvotes an approved question, once per pass: the unique (questionId, passId) refuses a second vote with 409. A
 * pending, rejected or merged question answers 404, exactly as one that does not exist.
 */
export async function voteForQuestion(
  openDayId: string,
  passId: string,
  questionId: string,
): Promise<OpenDayQuestionRecord> {
  const question = isValidObjectId(questionId)
    ? await OpenDayQuestionModel.findOne({
        _id: questionId,
        openDayId,
        status: trusted({ $in: ['approved', 'answered'] }),
      })
    : null;
  if (!question) throw new AppError('not_found', 'Question not found.');
  try {
    await OpenDayVoteModel.create({ openDayId, questionId, passId });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('conflict', 'You have already voted for this question.');
    throw error;
  }
  await recountVotes(questionId);
  return (await OpenDayQuestionModel.findById(questionId))!;
}
