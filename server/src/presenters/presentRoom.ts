import type { LearningSetState, Role, Room, RoomKind, RoomVisibility } from '@common-ground/shared';
import { CommunityModel } from '../models/Community.ts';
import { OrganisationModel } from '../models/Organisation.ts';
import type { RoomRecord } from '../models/Room.ts';
import { presentOrganisation } from './presentOrganisation.ts';
import { trusted } from '../database/trusted.ts';

/**
 * Room models → DTOs with their community's name, their organisations and the caller's role. However many rooms,
 * this reads communities once and organisations once, so listing a community's rooms costs two queries, not 2 × N.
 */
export async function presentRooms(
  entries: { room: RoomRecord; role: Role | null; learningSet?: LearningSetState | null }[],
): Promise<Room[]> {
  if (!entries.length) return [];
  const rooms = entries.map((entry) => entry.room);
  const communityIds = [...new Set(rooms.map((room) => String(room.communityId)))];
  const organisationIds = [
    ...new Set(
      rooms.flatMap((room) =>
        [room.sourceOrganisationId, ...room.recipientOrganisationIds].flatMap((id) =>
          id ? [String(id)] : [],
        ),
      ),
    ),
  ];
  const [communities, organisations] = await Promise.all([
    CommunityModel.find({ _id: trusted({ $in: communityIds }) }, { name: 1 }).lean(),
    organisationIds.length
      ? OrganisationModel.find({ _id: trusted({ $in: organisationIds }) }).lean()
      : Promise.resolve([]),
  ]);
  const communityNames = new Map(communities.map((community) => [String(community._id), community.name]));
  const byId = new Map(organisations.map((o) => [String(o._id), presentOrganisation(o)]));
  return entries.map(({ room, role, learningSet }) => ({
    id: String(room._id),
    communityId: String(room.communityId),
    communityName: communityNames.get(String(room.communityId)) ?? '',
    kind: room.kind as RoomKind,
    title: room.title,
    documentId: String(room.documentId),
    sourceOrganisation: room.sourceOrganisationId
      ? (byId.get(String(room.sourceOrganisationId)) ?? null)
      : null,
    recipientOrganisations: room.recipientOrganisationIds.flatMap((id) => byId.get(String(id)) ?? []),
    innovationId: room.innovationId ? String(room.innovationId) : null,
    visibility: (room.visibility ?? 'community') as RoomVisibility,
    createdAt: room.createdAt.toISOString(),
    role,
    learningSet: learningSet ?? null,
  }));
}

/** One room model → DTO (see presentRooms); a learning set carries the caller's contracting state. */
export async function presentRoom(
  room: RoomRecord,
  role: Role | null,
  learningSet: LearningSetState | null = null,
): Promise<Room> {
  const [presented] = await presentRooms([{ room, role, learningSet }]);
  return presented!;
}
