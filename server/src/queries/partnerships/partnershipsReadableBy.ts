import { roomRoleFor, type CommunityRole, type RoomKind, type RoomVisibility } from '@common-ground/shared';
import { trusted } from '../../database/trusted.ts';
import { MembershipModel } from '../../models/Membership.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import { UserModel } from '../../models/User.ts';

type PartnershipRoom = {
  _id: unknown;
  communityId: unknown;
  kind: string;
  visibility?: string | null;
  sourceOrganisationId?: unknown;
  recipientOrganisationIds?: unknown[];
};

/**
 * Of some partnership rooms, those a person may read, asked of the one room rule (roomRoleFor) with their confirmed
 * organisation and community roles, for readers that have no session (the digest).
 */
export async function partnershipsReadableBy(userId: string, rooms: PartnershipRoom[]): Promise<Set<string>> {
  if (!rooms.length) return new Set();
  const user = await UserModel.findById(userId, { organisationId: 1 }).lean();
  const confirmed = user?.organisationId
    ? await OrganisationAffiliationModel.exists({
        userId,
        organisationId: user.organisationId,
        status: 'confirmed',
      })
    : null;
  const organisationId = confirmed ? String(user!.organisationId) : null;
  const memberships = await MembershipModel.find(
    { userId, communityId: trusted({ $in: rooms.map((room) => room.communityId) }) },
    { communityId: 1, role: 1 },
  ).lean();
  const roles = new Map(memberships.map((m) => [String(m.communityId), m.role as CommunityRole]));
  const readable = new Set<string>();
  for (const room of rooms) {
    const partnerHere =
      organisationId !== null &&
      [room.sourceOrganisationId, ...(room.recipientOrganisationIds ?? [])].some(
        (id) => String(id) === organisationId,
      );
    const role = roomRoleFor(
      room.kind as RoomKind,
      {
        communityRole: roles.get(String(room.communityId)) ?? null,
        setRole: null,
        visitorHere: false,
        partnerHere,
      },
      (room.visibility ?? 'community') as RoomVisibility,
    );
    if (role) readable.add(String(room._id));
  }
  return readable;
}
