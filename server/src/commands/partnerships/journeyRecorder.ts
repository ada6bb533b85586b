import {
  CONTACT_KIND_LABELS,
  type LogContactBody,
  type MilestoneBody,
  type SponsorBody,
} from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AppError } from '../../errors.ts';
import { JourneyEventModel, type JourneyEventRecord } from '../../models/JourneyEvent.ts';
import {
  PartnershipMilestoneModel,
  type PartnershipMilestoneRecord,
} from '../../models/PartnershipMilestone.ts';
import { PartnershipSponsorModel } from '../../models/PartnershipSponsor.ts';
import { recordActivity } from './activityRecorder.ts';

/** Who is doing something on a partnership's journey. */
export interface JourneyActor {
  userId: string;
  organisationId: string | null;
}

/** Adds a milestone; it counts as activity of the actor's organisation. */
export async function addMilestone(
  roomId: string,
  actor: JourneyActor,
  body: MilestoneBody,
  now: Date,
): Promise<PartnershipMilestoneRecord> {
  const milestone = await PartnershipMilestoneModel.create({
    roomId,
    kind: body.kind,
    title: body.title,
    plannedFor: body.plannedFor ?? null,
    reachedAt: body.reachedAt ?? null,
    note: body.note ?? '',
    createdBy: actor.userId,
    createdAt: now,
  });
  await recordActivity({ roomId, ...actor, kind: 'milestone', at: now });
  return milestone;
}

/** Changes a milestone of this partnership; 404 for one of another. */
export async function updateMilestone(
  roomId: string,
  milestoneId: string,
  actor: JourneyActor,
  changes: Partial<MilestoneBody>,
  now: Date,
): Promise<PartnershipMilestoneRecord> {
  const milestone = await PartnershipMilestoneModel.findOne({ _id: milestoneId, roomId });
  if (!milestone) throw new AppError('not_found', 'Milestone not found.');
  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) milestone.set(field, value);
  }
  await milestone.save();
  await recordActivity({ roomId, ...actor, kind: 'milestone', at: now });
  return milestone;
}

/**
 * Adds an automatic event to a partnership's journey. A `key` makes it idempotent: an event reported twice (by two
 * instances, or a retried call) is stored once; `created` says whether this call stored it.
 */
export async function recordJourneyEvent(input: {
  roomId: string;
  kind: JourneyEventRecord['kind'];
  at: Date;
  title: string;
  note?: string;
  organisationId?: string | null;
  actorId?: string | null;
  key?: string;
}): Promise<{ event: JourneyEventRecord; created: boolean }> {
  try {
    return { event: await JourneyEventModel.create(input), created: true };
  } catch (error) {
    if (!input.key || !isDuplicateKey(error)) throw error;
    const stored = await JourneyEventModel.findOne({ roomId: input.roomId, key: input.key });
    if (!stored) throw error;
    return { event: stored, created: false };
  }
}

/**
 * The hook other features call when a partnership's meeting has been held (the meetings feature, built elsewhere):
 * it goes on the journey once per `meetingId` and counts as two-way contact for every organisation that took part.
 */
export async function recordMeetingHeld(input: {
  roomId: string;
  meetingId: string;
  title: string;
  at: Date;
  organisationIds: string[];
}): Promise<JourneyEventRecord> {
  const { event, created } = await recordJourneyEvent({
    roomId: input.roomId,
    kind: 'meeting-held',
    at: input.at,
    title: `Meeting held: ${input.title}`,
    key: `meeting:${input.meetingId}`,
  });
  if (created) {
    await Promise.all(
      input.organisationIds.map((organisationId) =>
        recordActivity({
          roomId: input.roomId,
          organisationId,
          userId: null,
          kind: 'meeting',
          at: input.at,
          twoWay: true,
        }),
      ),
    );
  }
  return event;
}

/**
 * The hook the open-day feature calls when someone from a partner organisation attended one of the source's open
 * days. Only with the visitor's consent: without it, nothing is recorded. Recorded once per open day and organisation.
 */
export async function recordOpenDayAttended(input: {
  roomId: string;
  openDayId: string;
  openDayTitle: string;
  organisationId: string;
  at: Date;
  consented: boolean;
}): Promise<JourneyEventRecord | null> {
  if (!input.consented) return null;
  const { event, created } = await recordJourneyEvent({
    roomId: input.roomId,
    kind: 'open-day-attended',
    at: input.at,
    title: `Open day attended: ${input.openDayTitle}`,
    organisationId: input.organisationId,
    key: `open-day:${input.openDayId}:${input.organisationId}`,
  });
  if (created)
    await recordActivity({
      roomId: input.roomId,
      organisationId: input.organisationId,
      userId: null,
      kind: 'open-day',
      at: input.at,
    });
  return event;
}

/** Logs a visit, call or meeting held off the platform (two clicks): a journey event and two-way contact. */
export async function logContact(
  roomId: string,
  actor: JourneyActor,
  body: LogContactBody,
  now: Date,
): Promise<JourneyEventRecord> {
  const at = body.on && body.on !== now.toISOString().slice(0, 10) ? new Date(`${body.on}T12:00:00Z`) : now;
  const { event } = await recordJourneyEvent({
    roomId,
    kind: 'contact',
    at,
    title: `${CONTACT_KIND_LABELS[body.kind]} logged`,
    note: body.note ?? '',
    organisationId: actor.organisationId,
    actorId: actor.userId,
  });
  await recordActivity({ roomId, ...actor, kind: 'contact', at, twoWay: true });
  return event;
}

/**
 * Names an organisation's senior sponsor. Naming the first is not a change; replacing one is recorded on the
 * journey and returns `changed`, so both sides are asked to re-contract.
 */
export async function nameSponsor(
  roomId: string,
  organisationId: string,
  organisationName: string,
  actor: JourneyActor,
  body: SponsorBody,
  now: Date,
): Promise<{ changed: boolean }> {
  const previous = await PartnershipSponsorModel.findOneAndUpdate(
    { roomId, organisationId },
    { $set: { name: body.name, jobTitle: body.jobTitle, since: now, namedBy: actor.userId } },
    { upsert: true, new: false },
  ).lean();
  await recordActivity({ roomId, ...actor, kind: 'sponsor', at: now });
  const changed = Boolean(previous && previous.name !== body.name);
  if (changed) {
    await recordJourneyEvent({
      roomId,
      kind: 'sponsor-changed',
      at: now,
      title: `${organisationName} has a new sponsor: ${body.name}, ${body.jobTitle}`,
      note: `Previously ${previous!.name}. Both sides are asked to re-contract.`,
      organisationId,
      actorId: actor.userId,
    });
  }
  return { changed };
}

/** Records that both sides re-contracted after a sponsor changed, which closes the prompt. */
export async function markRecontracted(roomId: string, actor: JourneyActor, now: Date): Promise<void> {
  await recordJourneyEvent({
    roomId,
    kind: 'recontracted',
    at: now,
    title: 'Both sides re-contracted',
    organisationId: actor.organisationId,
    actorId: actor.userId,
  });
  await recordActivity({ roomId, ...actor, kind: 'milestone', at: now });
}
