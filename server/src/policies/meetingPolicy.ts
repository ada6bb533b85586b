import { isValidObjectId } from 'mongoose';
import {
  isClosedRoom,
  meetingAbilities,
  roomRoleFor,
  type MeetingAbilities,
  type MeetingViewer,
  type Role,
  type RoomKind,
} from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { MeetingModel, type MeetingRecord } from '../models/Meeting.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { presentStages } from '../presenters/presentMeeting.ts';
import { currentGroundRules } from '../queries/learningSets.ts';
import { GroundRulesAgreementModel } from '../models/GroundRulesAgreement.ts';
import { roomStandingOf } from './roomPolicy.ts';

const NOT_FOUND = 'Meeting not found.';

/** Whether someone agreed to the ground rules in force (none written yet: nobody has). */
async function agreedToRulesInForce(roomId: string, userId: string): Promise<boolean> {
  const rules = await currentGroundRules(roomId);
  if (!rules) return false;
  return (await GroundRulesAgreementModel.exists({ roomId, revision: rules.revision, userId })) !== null;
}

/** The caller as a meeting sees them: their role in the set and whether they agreed to its ground rules. */
async function viewerIn(
  caller: Caller | null,
  room: RoomRecord,
): Promise<{ role: Role | null; viewer: MeetingViewer }> {
  if (!caller || caller.kind !== 'user') return { role: null, viewer: { id: '', role: null, agreed: false } };
  const role = roomRoleFor(room.kind as RoomKind, await roomStandingOf(caller, room));
  const agreed = role !== null && (await agreedToRulesInForce(String(room._id), caller.user.id));
  return { role, viewer: { id: caller.user.id, role, agreed } };
}

/**
 * Loads a learning set whose meetings the caller may list: its own people only (a community facilitator outside it,
 * a visitor and anyone else get 404, as for the set's content).
 */
export async function loadSetMeetingsForCaller(
  caller: Caller | null,
  roomId: string,
): Promise<{ room: RoomRecord; role: Role; viewer: MeetingViewer }> {
  if (!isValidObjectId(roomId)) throw new AppError('not_found', 'Learning set not found.');
  const room = await RoomModel.findById(roomId);
  if (!room || !isClosedRoom(room.kind as RoomKind))
    throw new AppError('not_found', 'Learning set not found.');
  const { role, viewer } = await viewerIn(caller, room);
  if (!role) throw new AppError('not_found', 'Learning set not found.');
  return { room, role, viewer };
}

/** Loads a meeting the caller is in the set of (otherwise 404), with what they may do in it. */
export async function loadMeetingForCaller(
  caller: Caller | null,
  meetingId: string,
): Promise<{ meeting: MeetingRecord; room: RoomRecord; viewer: MeetingViewer; abilities: MeetingAbilities }> {
  if (!isValidObjectId(meetingId)) throw new AppError('not_found', NOT_FOUND);
  const meeting = await MeetingModel.findById(meetingId);
  const room = meeting ? await RoomModel.findById(meeting.roomId) : null;
  if (!meeting || !room) throw new AppError('not_found', NOT_FOUND);
  const { role, viewer } = await viewerIn(caller, room);
  if (!role) throw new AppError('not_found', NOT_FOUND);
  const abilities = meetingAbilities(viewer, {
    runnerId: meeting.runnerId ? String(meeting.runnerId) : null,
    status: meeting.status as 'scheduled' | 'live' | 'ended',
    clockHidden: meeting.clockHidden,
    currentStageId: meeting.currentStageId ?? null,
    stages: presentStages(meeting.stages),
  });
  return { meeting, room, viewer, abilities };
}

/** Throws `ground_rules` for someone in the set who has not agreed to its rules in force; nothing else. */
export function requireAgreed(viewer: MeetingViewer): void {
  if (!viewer.agreed)
    throw new AppError('ground_rules', 'Agree to the set’s ground rules before you join its meetings.');
}

/** Throws 403 `forbidden` unless allowed; first `ground_rules` for someone who has not agreed. */
export function authorizeMeeting(viewer: MeetingViewer, allowed: boolean, reason: string): void {
  requireAgreed(viewer);
  if (!allowed) throw new AppError('forbidden', reason);
}
