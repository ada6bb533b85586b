import { engagementFigures, lastTwoWayContact, type Engagement } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { MessageModel } from '../../models/Message.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { PartnershipActivityModel } from '../../models/PartnershipActivity.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { sidesOf } from '../../policies/partnershipPolicy.ts';

/** How many activity records one partnership's figures read at most (years of a busy partnership). */
const MAX_ACTIVITY = 50_000;

/** Every activity of a partnership's organisations: posts in its discussion and everything else it stored. */
async function storedActivity(roomId: unknown) {
  const [messages, others] = await Promise.all([
    MessageModel.find(
      { roomId, lost: false, authorOrganisationId: trusted({ $ne: null }) },
      { authorOrganisationId: 1, createdAt: 1 },
    )
      .sort({ createdAt: -1 })
      .limit(MAX_ACTIVITY)
      .lean(),
    PartnershipActivityModel.find({ roomId }, { organisationId: 1, at: 1, twoWay: 1 })
      .sort({ at: -1 })
      .limit(MAX_ACTIVITY)
      .lean(),
  ]);
  return [
    ...messages.map((message) => ({
      organisationId: String(message.authorOrganisationId),
      at: message.createdAt,
    })),
    ...others.map((other) => ({
      organisationId: String(other.organisationId),
      at: other.at,
      twoWay: other.twoWay,
    })),
  ];
}

/** Recipients' questions (thread starters marked as questions) with when each was first answered by someone else. */
async function learnerQuestions(roomId: unknown, recipientOrganisationIds: string[]) {
  const questions = await MessageModel.find(
    {
      roomId,
      threadId: null,
      question: true,
      lost: false,
      deleted: false,
      authorOrganisationId: trusted({ $in: recipientOrganisationIds }),
    },
    { authorId: 1, createdAt: 1 },
  )
    .limit(MAX_ACTIVITY)
    .lean();
  if (!questions.length) return [];
  const replies = await MessageModel.find(
    { roomId, lost: false, deleted: false, threadId: trusted({ $in: questions.map((q) => q._id) }) },
    { threadId: 1, authorId: 1, createdAt: 1 },
  ).lean();
  const firstAnswer = new Map<string, Date>();
  const askers = new Map(questions.map((q) => [String(q._id), String(q.authorId)]));
  for (const reply of replies) {
    const threadId = String(reply.threadId);
    if (askers.get(threadId) === String(reply.authorId)) continue;
    const earliest = firstAnswer.get(threadId);
    if (!earliest || reply.createdAt < earliest) firstAnswer.set(threadId, reply.createdAt);
  }
  return questions.map((q) => ({
    askedAt: q.createdAt,
    firstAnswerAt: firstAnswer.get(String(q._id)) ?? null,
  }));
}

/** A partnership's engagement figures at `now`, computed from what is stored, with its organisations' names. */
export async function partnershipEngagement(
  room: RoomRecord,
  now: Date,
  quietAfterDays: number,
): Promise<Engagement> {
  const { sourceOrganisationId, recipientOrganisationIds } = sidesOf(room);
  const [activities, questions, organisations] = await Promise.all([
    storedActivity(room._id),
    learnerQuestions(room._id, recipientOrganisationIds),
    OrganisationModel.find(
      { _id: trusted({ $in: [sourceOrganisationId, ...recipientOrganisationIds] }) },
      { name: 1 },
    ).lean(),
  ]);
  const names = new Map(organisations.map((organisation) => [String(organisation._id), organisation.name]));
  const figures = engagementFigures({
    now,
    sourceOrganisationId: sourceOrganisationId ?? '',
    recipientOrganisationIds,
    activities,
    questions,
  });
  return {
    ...figures,
    lastTwoWayContactAt: figures.lastTwoWayContactAt?.toISOString() ?? null,
    months: figures.months.map(({ month, counts }) => ({
      month,
      counts: counts.map((count) => ({ ...count, organisationName: names.get(count.organisationId) ?? '' })),
    })),
    quietAfterDays,
  };
}

/** When a partnership last had two-way contact (null: never), for the quiet-spell check. */
export async function lastTwoWayContactOf(room: RoomRecord): Promise<Date | null> {
  const { sourceOrganisationId, recipientOrganisationIds } = sidesOf(room);
  return lastTwoWayContact(
    await storedActivity(room._id),
    sourceOrganisationId ?? '',
    recipientOrganisationIds,
  );
}
