import { isValidObjectId } from 'mongoose';
import type { Role } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { RoomModel, type RoomRecord } from '../models/Room.ts';
import { communityRoleOf } from './communityPolicy.ts';

/**
 * The caller's role in a room: a community member's role applies to every room of that community; a visitor is a
 * `visitor` in the one open-day room their pass names and nowhere else.
 */
export async function roomRoleOf(
  caller: Caller | null,
  room: Pick<RoomRecord, '_id' | 'communityId' | 'kind'>,
): Promise<Role | null> {
  if (!caller) return null;
  if (caller.kind === 'visitor')
    return caller.roomId === String(room._id) && room.kind === 'open-day' ? 'visitor' : null;
  return communityRoleOf(caller, String(room.communityId));
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

/** Same as {@link loadRoomForCaller}, starting from the room's live document id (the collaboration endpoint). */
export async function loadDocumentRoomForCaller(
  caller: Caller | null,
  documentId: string,
): Promise<{ room: RoomRecord; role: Role }> {
  if (!isValidObjectId(documentId)) throw new AppError('not_found', 'Document not found.');
  const room = await RoomModel.findOne({ documentId });
  const role = room ? await roomRoleOf(caller, room) : null;
  if (!room || !role) throw new AppError('not_found', 'Document not found.');
  return { room, role };
}
