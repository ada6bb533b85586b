import { isValidObjectId } from 'mongoose';
import {
  isClosedRoom,
  learningSetAbilities,
  meetingNotesRole,
  roomRoleFor,
  type LearningSetAbilities,
  type Role,
  type RoomKind,
  type RoomStanding,
  type RoomVisibility,
} from '@common-ground/shared';
import type { Caller, VisitorCaller } from '../auth/Caller.ts';
import { ensureSetRoster } from '../commands/learningSets/setRoster.ts';
import { singleFlight } from '../database/singleFlight.ts';
import { AppError } from '../errors.ts';
import { MeetingNotesModel } from '../models/MeetingNotes.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { setRoleOf } from '../queries/learningSets.ts';
import { communityRoleOf } from './communityPolicy.ts';

/** A registration's pass admits to the live room only in the live window; a hand-made pass whenever it is valid. */
function passInLiveWindow(caller: VisitorCaller, now: Date): boolean {
  if (!caller.openDay) return true;
  return caller.openDay.liveFrom <= now && now < caller.openDay.liveUntil;
}

type RoomKey = Pick<RoomRecord, '_id' | 'communityId' | 'kind'> &
  Partial<Pick<RoomRecord, 'sourceOrganisationId' | 'recipientOrganisationIds' | 'visibility'>>;

/** Whether the caller is confirmed as working for the room's source or one of its recipients. */
function isPartnerIn(caller: Caller, room: RoomKey): boolean {
  const organisationId = caller.kind === 'user' ? caller.user.organisation?.id : undefined;
  if (!organisationId || room.kind !== 'partnership') return false;
  return [room.sourceOrganisationId, ...(room.recipientOrganisationIds ?? [])].some(
    (id) => id && String(id) === organisationId,
  );
}

/** A room's visibility as roomRoleFor reads it; rooms stored before visibility existed are community rooms. */
export const visibilityOf = (room: RoomKey): RoomVisibility =>
  (room.visibility as RoomVisibility | undefined) ?? 'community';

const NOBODY: RoomStanding = { communityRole: null, setRole: null, visitorHere: false };

/** Where the caller stands with a room: community role, role among a learning set's listed people, or a visitor pass. */
export async function roomStandingOf(caller: Caller | null, room: RoomKey): Promise<RoomStanding> {
  if (!caller) return NOBODY;
  if (caller.kind === 'visitor')
    return {
      ...NOBODY,
      visitorHere: caller.roomId === String(room._id) && passInLiveWindow(caller, new Date()),
    };
  const closed = isClosedRoom(room.kind as RoomKind);
  if (closed) await ensureSetRoster(room);
  const [communityRole, setRole] = await Promise.all([
    communityRoleOf(caller, String(room.communityId)),
    closed ? setRoleOf(String(room._id), caller.user.id) : null,
  ]);
  return { communityRole, setRole, visitorHere: false, partnerHere: isPartnerIn(caller, room) };
}

/**
 * The caller's role in a room, decided by shared `roomRoleFor`: a learning set's own role for its listed people, the
 * community role in other rooms (in a partners-only partnership, only for its organisations' people and
 * facilitators), `visitor` in the one open-day room a pass names. HTTP, Socket.IO, /collab and exports all come
 * through here.
 */
export async function roomRoleOf(caller: Caller | null, room: RoomKey): Promise<Role | null> {
  return roomRoleFor(room.kind as RoomKind, await roomStandingOf(caller, room), visibilityOf(room));
}

/** Loads a room the caller may see at all; otherwise 404. Callers then `authorize(role, capability)`. */
export async function loadRoomForCaller(
  caller: Caller | null,
  roomId: string,
): Promise<{ room: RoomRecord; role: Role }> {
  if (!isValidObjectId(roomId)) throw new AppError('not_found', 'Room not found.');
  const room = await RoomModel.findById(roomId);
  const role = room ? await roomRoleOf(caller, room) : null;
  if (!room || !role) throw new AppError('not_found', 'Room not found.');
  return { room, role };
}

/** The room holding a document; people opening one document at the same moment share one query (read-only). */
export const roomOfDocument = singleFlight((documentId) => RoomModel.findOne({ documentId }));

/** Same as {@link loadRoomForCaller}, starting from the room's live document id (the collaboration endpoint). */
export async function loadDocumentRoomForCaller(
  caller: Caller | null,
  documentId: string,
  /** The room lookup, when the caller started it already (beside resolving the session). */
  found?: Promise<RoomRecord | null>,
): Promise<{ room: RoomRecord; role: Role }> {
  if (!isValidObjectId(documentId)) throw new AppError('not_found', 'Document not found.');
  const room = await (found ?? roomOfDocument(documentId));
  if (!room) return loadNotesRoomForCaller(caller, documentId);
  const role = await roomRoleOf(caller, room);
  if (!role) throw new AppError('not_found', 'Document not found.');
  return { room, role };
}

/** A presenter's meeting notes: the set's people read them, the presenter and their note-takers write. */
async function loadNotesRoomForCaller(
  caller: Caller | null,
  documentId: string,
): Promise<{ room: RoomRecord; role: Role }> {
  const notes = await MeetingNotesModel.findOne({ documentId }).lean();
  const room = notes ? await RoomModel.findById(notes.roomId) : null;
  const setRole = room ? await roomRoleOf(caller, room) : null;
  const role =
    notes && setRole
      ? meetingNotesRole(setRole, caller?.kind === 'user' ? caller.user.id : null, {
          presenterId: String(notes.presenterId),
          noteTakerIds: notes.noteTakerIds.map(String),
        })
      : null;
  if (!room || !role) throw new AppError('not_found', 'Document not found.');
  return { room, role };
}

/**
 * Loads a learning set whose people the caller may see (its own people, or a community facilitator who oversees
 * it); anyone else, and any other kind of room, gets 404. Callers then check the returned abilities.
 */
export async function loadSetForCaller(
  caller: Caller | null,
  roomId: string,
): Promise<{ room: RoomRecord; standing: RoomStanding; role: Role | null; abilities: LearningSetAbilities }> {
  if (!isValidObjectId(roomId)) throw new AppError('not_found', 'Room not found.');
  const room = await RoomModel.findById(roomId);
  if (!room || !isClosedRoom(room.kind as RoomKind))
    throw new AppError('not_found', 'Learning set not found.');
  const standing = await roomStandingOf(caller, room);
  const abilities = learningSetAbilities(standing);
  if (!abilities.seePeople) throw new AppError('not_found', 'Learning set not found.');
  return {
    room,
    standing,
    role: roomRoleFor(room.kind as RoomKind, standing, visibilityOf(room)),
    abilities,
  };
}

/** Of a community's rooms, those the caller may see listed, each with their role there (null: a set they oversee). */
export async function roomsListedFor(
  caller: Caller,
  rooms: RoomRecord[],
): Promise<{ room: RoomRecord; role: Role | null; standing: RoomStanding }[]> {
  const entries = await Promise.all(
    rooms.map(async (room) => {
      const standing = await roomStandingOf(caller, room);
      return { room, standing, role: roomRoleFor(room.kind as RoomKind, standing, visibilityOf(room)) };
    }),
  );
  return entries.filter(
    (entry) =>
      entry.role !== null ||
      (isClosedRoom(entry.room.kind as RoomKind) && learningSetAbilities(entry.standing).seePeople),
  );
}
