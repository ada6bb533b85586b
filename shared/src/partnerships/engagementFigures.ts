import { PARTNERSHIP_LIMITS } from '../limits.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** One thing someone from an organisation did in a partnership; a logged contact is two-way by itself. */
export interface PartnershipActivity {
  organisationId: string;
  at: Date;
  twoWay?: boolean;
}

/** A recipient's question and when it was first answered (null: not yet). */
export interface LearnerQuestion {
  askedAt: Date;
  firstAnswerAt: Date | null;
}

/** The partnership's figures, before names are attached. */
export interface EngagementFigures {
  daysSinceTwoWayContact: number | null;
  lastTwoWayContactAt: Date | null;
  months: { month: string; counts: { organisationId: string; count: number }[] }[];
  medianHoursToFirstAnswer: number | null;
  questionsUnansweredOver7Days: number;
}

/**
 * The last time both sides had been heard from: the later of the last logged two-way contact and the earlier of each
 * side's latest activity. Activity of people from neither side (a facilitator) does not count.
 */
export function lastTwoWayContact(
  activities: PartnershipActivity[],
  sourceOrganisationId: string,
  recipientOrganisationIds: string[],
): Date | null {
  const recipients = new Set(recipientOrganisationIds);
  let source = 0;
  let recipient = 0;
  let twoWay = 0;
  for (const { organisationId, at, twoWay: both } of activities) {
    const time = at.getTime();
    const fromSource = organisationId === sourceOrganisationId;
    const fromRecipient = recipients.has(organisationId);
    if (!fromSource && !fromRecipient) continue;
    if (both) twoWay = Math.max(twoWay, time);
    if (fromSource) source = Math.max(source, time);
    if (fromRecipient) recipient = Math.max(recipient, time);
  }
  const heardFromBoth = source && recipient ? Math.min(source, recipient) : 0;
  const last = Math.max(twoWay, heardFromBoth);
  return last ? new Date(last) : null;
}

/** `YYYY-MM` of a moment, in UTC. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);

/** The 12 calendar months (UTC) ending with the one `now` is in, oldest first. */
export function lastTwelveMonths(now: Date): string[] {
  const months: string[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));
  }
  return months;
}

/** The median of some numbers; null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Every engagement figure of one partnership from its stored activity and its recipients' questions, at `now` (the
 * injectable clock). Only the partnership's organisations are counted, source first, in the order given.
 */
export function engagementFigures(input: {
  now: Date;
  sourceOrganisationId: string;
  recipientOrganisationIds: string[];
  activities: PartnershipActivity[];
  questions: LearnerQuestion[];
}): EngagementFigures {
  const { now, sourceOrganisationId, recipientOrganisationIds, activities, questions } = input;
  const last = lastTwoWayContact(activities, sourceOrganisationId, recipientOrganisationIds);
  const organisationIds = [sourceOrganisationId, ...recipientOrganisationIds];
  const counts = new Map<string, number>();
  for (const { organisationId, at } of activities) {
    const key = `${monthOf(at)} ${organisationId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const waits = questions.flatMap(({ askedAt, firstAnswerAt }) =>
    firstAnswerAt ? [firstAnswerAt.getTime() - askedAt.getTime()] : [],
  );
  const middle = median(waits);
  const overdueMs = PARTNERSHIP_LIMITS.unansweredAfterDays * DAY_MS;
  return {
    daysSinceTwoWayContact: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
    lastTwoWayContactAt: last,
    months: lastTwelveMonths(now).map((month) => ({
      month,
      counts: organisationIds.map((organisationId) => ({
        organisationId,
        count: counts.get(`${month} ${organisationId}`) ?? 0,
      })),
    })),
    medianHoursToFirstAnswer: middle === null ? null : Math.round((middle / HOUR_MS) * 10) / 10,
    questionsUnansweredOver7Days: questions.filter(
      ({ askedAt, firstAnswerAt }) => !firstAnswerAt && now.getTime() - askedAt.getTime() > overdueMs,
    ).length,
  };
}
