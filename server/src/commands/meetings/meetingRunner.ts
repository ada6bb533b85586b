import type { MeetingTimerPayload } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';

/** A fresh clock for a stage, starting now. */
function clockFor(meeting: MeetingRecord, stageId: string, now: Date) {
  const stage = meeting.stages.find((candidate) => candidate.id === stageId);
  if (!stage) throw new AppError('not_found', 'That stage is not on this meeting’s board.');
  return { stageId, startedAt: now, pausedAt: null, durationSeconds: stage.minutes * 60 };
}

function requireLive(meeting: MeetingRecord): void {
  if (meeting.status !== 'live') throw new AppError('conflict', 'Start the meeting first.');
}

/** Starts a scheduled meeting at its first stage, clock running. Starting a live one again changes nothing. */
export async function startMeeting(meeting: MeetingRecord, now = new Date()): Promise<MeetingRecord> {
  if (meeting.status === 'live') return meeting;
  if (meeting.status === 'ended') throw new AppError('conflict', 'This meeting has ended.');
  const first = meeting.stages[0];
  if (!first) throw new AppError('conflict', 'Add a stage before starting.');
  meeting.status = 'live';
  meeting.startedAt = now;
  meeting.currentStageId = first.id;
  meeting.set('timer', clockFor(meeting, first.id, now));
  meeting.clockHidden = false;
  await meeting.save();
  return meeting;
}

/** Moves to any stage; its clock starts afresh and is shown again (a presenter hides it only in their own slot). */
export async function moveToStage(
  meeting: MeetingRecord,
  stageId: string,
  now = new Date(),
): Promise<MeetingRecord> {
  requireLive(meeting);
  meeting.set('timer', clockFor(meeting, stageId, now));
  meeting.currentStageId = stageId;
  meeting.clockHidden = false;
  await meeting.save();
  return meeting;
}

/** Starts (afresh), pauses, resumes or adds time to the current stage's clock. */
export async function changeClock(
  meeting: MeetingRecord,
  { action, seconds }: Pick<MeetingTimerPayload, 'action' | 'seconds'>,
  now = new Date(),
): Promise<MeetingRecord> {
  requireLive(meeting);
  const stageId = meeting.currentStageId;
  if (!stageId) throw new AppError('conflict', 'Move to a stage first.');
  const timer = meeting.timer;
  if (action === 'start' || !timer) {
    meeting.set('timer', clockFor(meeting, stageId, now));
  } else if (action === 'pause') {
    if (!timer.pausedAt) timer.pausedAt = now;
  } else if (action === 'resume') {
    if (timer.pausedAt) {
      timer.startedAt = new Date(timer.startedAt.getTime() + (now.getTime() - timer.pausedAt.getTime()));
      timer.pausedAt = null;
    }
  } else {
    timer.durationSeconds = Math.max(0, timer.durationSeconds + (seconds ?? 0));
  }
  meeting.markModified('timer');
  await meeting.save();
  return meeting;
}

/** The presenter hides or shows the clock during their own slot. */
export async function setClockHidden(meeting: MeetingRecord, hidden: boolean): Promise<MeetingRecord> {
  requireLive(meeting);
  meeting.clockHidden = hidden;
  await meeting.save();
  return meeting;
}

/** Ends a meeting: the clock stops; its board, bids and actions stay. */
export async function endMeeting(meeting: MeetingRecord, now = new Date()): Promise<MeetingRecord> {
  if (meeting.status === 'ended') return meeting;
  meeting.status = 'ended';
  meeting.endedAt = now;
  meeting.set('timer', null);
  meeting.clockHidden = false;
  await meeting.save();
  return meeting;
}
