import type { HostQuestion, OwnQuestion, PublicQuestion } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { OpenDayQuestionModel } from '../../models/OpenDayQuestion.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { OpenDayVoteModel } from '../../models/OpenDayVote.ts';
import {
  presentHostQuestion,
  presentOwnQuestion,
  presentPublicQuestion,
} from '../../presenters/presentOpenDayQuestion.ts';

const byVotes = { votes: -1, approvedAt: 1, _id: 1 } as const;

/**
 * The approved (and answered) questions, most votes first: the only questions any visitor ever sees of others'.
 * `passId` marks which the caller voted for.
 */
export async function publicQuestions(openDayId: string, passId: string | null): Promise<PublicQuestion[]> {
  const questions = await OpenDayQuestionModel.find({
    openDayId,
    status: trusted({ $in: ['approved', 'answered'] }),
  })
    .sort(byVotes)
    .lean();
  const voted = passId
    ? new Set(
        (await OpenDayVoteModel.find({ openDayId, passId }, { questionId: 1 }).lean()).map((vote) =>
          String(vote.questionId),
        ),
      )
    : new Set<string>();
  return questions.map((question) => presentPublicQuestion(question, voted.has(String(question._id))));
}

/** The caller's own questions, newest first, whatever their status. */
export async function ownQuestions(openDayId: string, passId: string): Promise<OwnQuestion[]> {
  const questions = await OpenDayQuestionModel.find({ openDayId, passId }).sort({ createdAt: -1 }).lean();
  return questions.map(presentOwnQuestion);
}

/** Who asked each question, while the registrations exist. */
async function askersOf(passIds: string[]) {
  const registrations = await OpenDayRegistrationModel.find(
    { passId: trusted({ $in: passIds }) },
    { passId: 1, displayName: 1, organisationName: 1 },
  ).lean();
  return new Map(
    registrations.map((registration) => [
      String(registration.passId),
      { displayName: registration.displayName, organisationName: registration.organisationName },
    ]),
  );
}

/** Every question for the hosts, most votes first, then oldest. */
export async function hostQueue(openDayId: string): Promise<HostQuestion[]> {
  const questions = await OpenDayQuestionModel.find({ openDayId })
    .sort({ votes: -1, createdAt: 1, _id: 1 })
    .lean();
  const askers = await askersOf(
    questions.flatMap((question) => (question.passId ? [String(question.passId)] : [])),
  );
  return questions.map((question) =>
    presentHostQuestion(question, question.passId ? (askers.get(String(question.passId)) ?? null) : null),
  );
}

/** One question for the hosts. */
export async function hostQuestion(questionId: string): Promise<HostQuestion | null> {
  const question = await OpenDayQuestionModel.findById(questionId).lean();
  if (!question) return null;
  const askers = question.passId ? await askersOf([String(question.passId)]) : new Map();
  return presentHostQuestion(
    question,
    question.passId ? (askers.get(String(question.passId)) ?? null) : null,
  );
}
