import {
  meetingAbilities,
  type Meeting,
  type MeetingStage,
  type MeetingViewer,
  type StageKind,
} from '@common-ground/shared';
import type { MeetingRecord } from '../models/Meeting.ts';

type StoredMeeting = Pick<
  MeetingRecord,
  | '_id'
  | 'roomId'
  | 'title'
  | 'startsAt'
  | 'status'
  | 'stages'
  | 'currentStageId'
  | 'timer'
  | 'clockHidden'
  | 'settings'
  | 'runnerId'
>;

/**
 * A meeting as the set sees it. `seeClock` false (everyone but the presenter while the presenter hides the clock)
 * leaves the timer out altogether, so no remaining time reaches that screen.
 */
export function presentMeeting(meeting: StoredMeeting, options: { seeClock: boolean }): Meeting {
  const timer = meeting.timer;
  return {
    id: String(meeting._id),
    roomId: String(meeting.roomId),
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    status: meeting.status as Meeting['status'],
    stages: presentStages(meeting.stages),
    currentStageId: meeting.currentStageId ?? null,
    timer:
      timer && options.seeClock
        ? {
            stageId: timer.stageId,
            startedAt: timer.startedAt.toISOString(),
            ...(timer.pausedAt ? { pausedAt: timer.pausedAt.toISOString() } : {}),
            durationSeconds: timer.durationSeconds,
          }
        : null,
    clockHidden: meeting.clockHidden ?? false,
    settings: { typedQuestions: meeting.settings?.typedQuestions ?? false },
    runnerId: meeting.runnerId ? String(meeting.runnerId) : null,
  };
}

/** Stored stages → the shared shape (no presenterId key when there is none). */
export function presentStages(stages: StoredMeeting['stages']): MeetingStage[] {
  return stages.map((stage) => ({
    id: stage.id,
    kind: stage.kind as StageKind,
    title: stage.title,
    minutes: stage.minutes,
    ...(stage.presenterId ? { presenterId: String(stage.presenterId) } : {}),
  }));
}

/** A meeting as one viewer may see it: without its timer while the presenter hides the clock from them. */
export function presentMeetingFor(meeting: StoredMeeting, viewer: MeetingViewer): Meeting {
  const full = presentMeeting(meeting, { seeClock: true });
  return meetingAbilities(viewer, full).seeClock ? full : { ...full, timer: null };
}
