import type { ModerateQuestionBody } from '@common-ground/shared';
import { isValidObjectId } from 'mongoose';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { OpenDayQuestionModel, type OpenDayQuestionRecord } from '../../models/OpenDayQuestion.ts';
import { OpenDayVoteModel } from '../../models/OpenDayVote.ts';
import { recountVotes } from './questionVoter.ts';

/** What a moderation step changed: the question, and for a merge the question it went into. */
export interface Moderated {
  question: OpenDayQuestionRecord;
  mergedInto: OpenDayQuestionRecord | null;
  /** Whether the question was visible to visitors before this step (so they may need to hear it went). */
  wasPublic: boolean;
}

const PUBLIC = ['approved', 'answered'];

/**
 * One host moderation step: approve, reject, edit the words for anonymity (the original is kept for hosts), answer
 * (which also approves), or merge into another approved question, whose votes it joins.
 */
export async function moderateQuestion(
  openDayId: string,
  questionId: string,
  step: Extract<ModerateQuestionBody, object>,
): Promise<Moderated> {
  const question = isValidObjectId(questionId)
    ? await OpenDayQuestionModel.findOne({ _id: questionId, openDayId })
    : null;
  if (!question) throw new AppError('not_found', 'Question not found.');
  const wasPublic = PUBLIC.includes(question.status);
  if (question.status === 'merged') throw new AppError('conflict', 'This question was merged into another.');
  const now = new Date();
  let mergedInto: OpenDayQuestionRecord | null = null;
  switch (step.action) {
    case 'approve':
      if (!wasPublic) await set(questionId, { status: 'approved', approvedAt: now });
      break;
    case 'reject':
      await set(questionId, { status: 'rejected' });
      break;
    case 'edit':
      await set(questionId, { text: step.text, originalText: question.originalText ?? question.text });
      break;
    case 'answer':
      await set(questionId, {
        status: 'answered',
        answer: step.answer,
        approvedAt: question.approvedAt ?? now,
      });
      break;
    case 'merge': {
      const target = isValidObjectId(step.intoQuestionId)
        ? await OpenDayQuestionModel.findOne({
            _id: step.intoQuestionId,
            openDayId,
            status: trusted({ $in: PUBLIC }),
          })
        : null;
      if (!target || String(target._id) === questionId)
        throw new AppError('validation_failed', 'Merge into another approved question.', {
          fields: { intoQuestionId: 'Choose another approved question' },
        });
      await set(questionId, { status: 'merged', mergedIntoId: target._id });
      const votes = await OpenDayVoteModel.find({ questionId }, { passId: 1 }).lean();
      for (const vote of votes) {
        try {
          await OpenDayVoteModel.create({ openDayId, questionId: target._id, passId: vote.passId });
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      await recountVotes(String(target._id));
      mergedInto = await OpenDayQuestionModel.findById(target._id);
      break;
    }
  }
  return { question: (await OpenDayQuestionModel.findById(questionId))!, mergedInto, wasPublic };
}

async function set(questionId: string, fields: Record<string, unknown>): Promise<void> {
  await OpenDayQuestionModel.updateOne({ _id: questionId }, { $set: fields });
}
