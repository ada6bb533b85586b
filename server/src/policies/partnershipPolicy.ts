import {
  partnershipAbilities,
  partnershipSideOf,
  type PartnershipAbilities,
  type PartnershipSide,
  type Role,
} from '@common-ground/shared';
import type { UserCaller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import type { RoomRecord } from '../models/Room.ts';
import { authorize } from './authorize.ts';
import { loadRoomForCaller } from './roomPolicy.ts';

/** A partnership as the caller may use it: its room, their role there, their side and what they may do. */
export interface PartnershipAccess {
  room: RoomRecord;
  role: Role;
  side: PartnershipSide | null;
  organisationId: string | null;
  abilities: PartnershipAbilities;
}

/** The organisations of a partnership room, as the shared rules read them. */
export const sidesOf = (room: RoomRecord) => ({
  sourceOrganisationId: room.sourceOrganisationId ? String(room.sourceOrganisationId) : null,
  recipientOrganisationIds: room.recipientOrganisationIds.map(String),
});

/**
 * Loads a partnership room through the one room policy (so a partners-only room is 404 to everyone else), then says
 * what the caller may do there. Any other kind of room is 404 here.
 */
export async function loadPartnershipForCaller(
  caller: UserCaller,
  roomId: string,
): Promise<PartnershipAccess> {
  const { room, role } = await loadRoomForCaller(caller, roomId);
  if (room.kind !== 'partnership') throw new AppError('not_found', 'Partnership not found.');
  authorize(role, 'room.view');
  const organisationId = caller.user.organisation?.id ?? null;
  const sides = sidesOf(room);
  return {
    room,
    role,
    organisationId,
    side: partnershipSideOf(organisationId, sides),
    abilities: partnershipAbilities({ id: caller.user.id, role, organisationId }, sides),
  };
}
