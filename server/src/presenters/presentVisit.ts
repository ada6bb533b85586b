import type { VisitResponse } from '@common-ground/shared';
import type { RoomRecord } from '../models/Room.ts';
import { presentRoom } from './presentRoom.ts';

/** An open-day visitor and their room → the DTO the visit page and the session route return. */
export async function presentVisit(
  visitor: { id: string; displayName: string; expiresAt: Date },
  room: RoomRecord,
): Promise<VisitResponse> {
  return {
    visitor: {
      id: visitor.id,
      displayName: visitor.displayName,
      roomId: String(room._id),
      expiresAt: visitor.expiresAt.toISOString(),
    },
    room: await presentRoom(room, 'visitor'),
  };
}
