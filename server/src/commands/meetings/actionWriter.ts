import { MEETING_LIMITS, type ActionUpdatePayload } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import { MeetingActionModel, type MeetingActionRecord } from '../../models/MeetingAction.ts';
import type { MeetingRecord } from '../../models/Meeting.ts';

/** Writes a new action owned by `ownerId` at this meeting. */
export async function writeAction(
  meeting: MeetingRecord,
  ownerId: string,
  text: string,
): Promise<MeetingActionRecord> {
  const held = await MeetingActionModel.countDocuments({ meetingId: meeting._id, ownerId });
  if (held >= MEETING_LIMITS.actionsPerMeeting)
    throw new AppError('conflict', `Keep to ${MEETING_LIMITS.actionsPerMeeting} actions from one meeting.`);
  return MeetingActionModel.create({ meetingId: meeting._id, roomId: meeting.roomId, ownerId, text });
}

/**
 * Changes an action's text, or answers it at this meeting ("what did I do, and what did I learn?"), which marks it
 * reflected. The caller checked that it is theirs.
 */
export async function reviseAction(
  meeting: MeetingRecord,
  action: MeetingActionRecord,
  payload: Pick<ActionUpdatePayload, 'text' | 'reflection'>,
  now = new Date(),
): Promise<MeetingActionRecord> {
  if (payload.text !== undefined) action.text = payload.text;
  if (payload.reflection !== undefined) {
    action.reflection = payload.reflection;
    action.status = 'reflected';
    action.reflectedInMeetingId = meeting._id;
    action.reflectedAt = now;
  }
  await action.save();
  return action;
}
