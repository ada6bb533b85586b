import type { Role, Room, RoomKind } from '@common-ground/shared';
import { CommunityModel } from '../models/Community.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import type { RoomRecord } from '../models/Room.ts';
import { presentOrganisation } from './presentOrganisation.ts';
import { trusted } from '../database/trusted.ts';

/** Room model → DTO with its organisations and the caller's role. */
export async function presentRoom(room: RoomRecord, role: Role): Promise<Room> {
  const organisationIds = [room.sourceOrganisationId, ...room.recipientOrganisationIds].filter(Boolean);
  const [community, organisations] = await Promise.all([
    CommunityModel.findById(room.communityId, { name: 1 }).lean(),
    organisationIds.length
      ? OrganisationModel.find({ _id: trusted({ $in: organisationIds }) }).lean()
      : Promise.resolve([]),
  ]);
  const byId = new Map(organisations.map((o) => [String(o._id), presentOrganisation(o)]));
  return {
    id: String(room._id),
    communityId: String(room.communityId),
    communityName: community?.name ?? '',
    kind: room.kind as RoomKind,
    title: room.title,
    documentId: String(room.documentId),
    sourceOrganisation: room.sourceOrganisationId
      ? (byId.get(String(room.sourceOrganisationId)) ?? null)
      : null,
    recipientOrganisations: room.recipientOrganisationIds.flatMap((id) => byId.get(String(id)) ?? []),
    createdAt: room.createdAt.toISOString(),
    role,
  };
}
