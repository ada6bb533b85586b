import { AUDIT_PAGE_SIZE } from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import { AuditEventModel } from '../models/AuditEvent.ts';
import { RoomModel } from '../models/Room.ts';

/** One page of a community's audit events (its own and its rooms'), newest first, ending before `before`. */
export async function communityAuditLog(communityId: string, before?: string) {
  const rooms = await RoomModel.find({ communityId }, { _id: 1 }).lean();
  const filter = {
    $or: [{ communityId }, { roomId: trusted({ $in: rooms.map((room) => room._id) }) }],
    ...(before ? { _id: trusted({ $lt: before }) } : {}),
  };
  const events = await AuditEventModel.find(filter)
    .sort({ _id: -1 })
    .limit(AUDIT_PAGE_SIZE + 1)
    .lean();
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return { page, nextBefore: events.length > AUDIT_PAGE_SIZE ? String(page.at(-1)!._id) : null };
}
