import type { HostQuestion, OwnQuestion, PublicQuestion, QuestionStatus } from '@common-ground/shared';
import type { OpenDayQuestionRecord } from '../models/OpenDayQuestion.ts';

type QuestionLike = Pick<
  OpenDayQuestionRecord,
  | '_id'
  | 'openDayId'
  | 'text'
  | 'originalText'
  | 'status'
  | 'answer'
  | 'votes'
  | 'personalDataFlag'
  | 'mergedIntoId'
  | 'approvedAt'
  | 'createdAt'
>;

/** A question as every visitor sees it; only ever called for approved or answered questions. */
export function presentPublicQuestion(question: QuestionLike, votedByMe: boolean): PublicQuestion {
  if (question.status !== 'approved' && question.status !== 'answered')
    throw new Error('only approved questions are ever shown to visitors');
  return {
    id: String(question._id),
    openDayId: String(question.openDayId),
    text: question.text,
    answer: question.answer ?? null,
    votes: question.votes,
    votedByMe,
    approvedAt: (question.approvedAt ?? question.createdAt).toISOString(),
  };
}

/** A question as its own asker sees it, whatever its status. */
export function presentOwnQuestion(question: QuestionLike): OwnQuestion {
  return {
    id: String(question._id),
    text: question.text,
    status: question.status as QuestionStatus,
    answer: question.answer ?? null,
    askedAt: question.createdAt.toISOString(),
  };
}

/** A question in the hosts' queue, with who asked while the registrations exist. */
export function presentHostQuestion(
  question: QuestionLike,
  asker: { displayName: string; organisationName: string } | null,
): HostQuestion {
  return {
    id: String(question._id),
    openDayId: String(question.openDayId),
    text: question.text,
    originalText: question.originalText ?? null,
    status: question.status as QuestionStatus,
    answer: question.answer ?? null,
    votes: question.votes,
    personalDataFlag: question.personalDataFlag,
    mergedIntoId: question.mergedIntoId ? String(question.mergedIntoId) : null,
    asker,
    askedAt: question.createdAt.toISOString(),
  };
}
