import type { CreateMeetingBody, UpdateMeetingBody } from '@common-ground/shared';
import { PRESENTER_STAGE_KINDS } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import { MeetingModel, type MeetingRecord } from '../../models/Meeting.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { DEFAULT_STAGES, presenterStages } from './defaultStages.ts';

/** Schedules a set's meeting with the default stages. */
export async function scheduleMeeting(
  room: RoomRecord,
  userId: string,
  body: CreateMeetingBody,
): Promise<MeetingRecord> {
  return MeetingModel.create({
    roomId: room._id,
    communityId: room.communityId,
    title: body.title,
    startsAt: new Date(body.startsAt),
    stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
    createdBy: userId,
  });
}

/**
 * Edits a meeting. Stage ids must be unique, and the current stage may not be removed while it runs; a stage whose
 * minutes change keeps its running clock (the person running it adds time with the clock instead).
 */
export async function updateMeeting(meeting: MeetingRecord, body: UpdateMeetingBody): Promise<MeetingRecord> {
  if (body.title !== undefined) meeting.title = body.title;
  if (body.startsAt !== undefined) meeting.startsAt = new Date(body.startsAt);
  if (body.settings?.typedQuestions !== undefined)
    meeting.set('settings.typedQuestions', body.settings.typedQuestions);
  if (body.runnerId !== undefined) meeting.runnerId = body.runnerId as never;
  if (body.stages) {
    const ids = new Set(body.stages.map((stage) => stage.id));
    if (ids.size !== body.stages.length)
      throw new AppError('validation_failed', 'Each stage needs its own id.');
    if (meeting.currentStageId && !ids.has(meeting.currentStageId))
      throw new AppError('conflict', 'Move to another stage before removing the one that is running.');
    meeting.set('stages', body.stages);
  }
  await meeting.save();
  return meeting;
}

/**
 * Orders the bids: replaces the presenter stages with a slot for each presenter in turn, placed before the review
 * (or at the end when there is none).
 */
export async function orderPresenters(
  meeting: MeetingRecord,
  presenters: { userId: string; displayName: string; minutes: number }[],
): Promise<MeetingRecord> {
  const kept = meeting.stages
    .map((stage) => ({
      id: stage.id,
      kind: stage.kind,
      title: stage.title,
      minutes: stage.minutes,
      ...(stage.presenterId ? { presenterId: String(stage.presenterId) } : {}),
    }))
    .filter((stage) => !PRESENTER_STAGE_KINDS.includes(stage.kind as never));
  const slots = presenters.flatMap((presenter, index) => presenterStages(index + 1, presenter));
  const current = meeting.currentStageId;
  if (current && !kept.some((stage) => stage.id === current) && !slots.some((stage) => stage.id === current))
    throw new AppError('conflict', 'Move on from the presenter stage that is running before ordering again.');
  const reviewAt = kept.findIndex((stage) => stage.kind === 'review');
  const at = reviewAt === -1 ? kept.length : reviewAt;
  meeting.set('stages', [...kept.slice(0, at), ...slots, ...kept.slice(at)]);
  await meeting.save();
  return meeting;
}
