import {
  isClosedRoom,
  isPartnersOnly,
  type Digest,
  type RoomKind,
  type RoomVisibility,
} from '@common-ground/shared';
import { ensureSetRoster } from '../commands/learningSets/setRoster.ts';
import { CommunityModel } from '../models/Community.ts';
import { MembershipModel } from '../models/Membership.ts';
import { MessageModel } from '../models/Message.ts';
import { NotificationModel } from '../models/Notification.ts';
import { ReadMarkerModel } from '../models/ReadMarker.ts';
import { RoomModel } from '../models/Room.ts';
import { trusted } from '../database/trusted.ts';
import { setsListing } from '../queries/learningSets.ts';
import { partnershipsReadableBy } from '../queries/partnerships/partnershipsReadableBy.ts';

/**
 * What changed in a person's rooms since they last read each one (their room read marker): new messages and
 * questions from others, questions answered since, and unread mentions. Rooms with nothing new are left out.
 */
export async function buildDigest(userId: string, now = new Date()): Promise<Digest> {
  const memberships = await MembershipModel.find({ userId }, { communityId: 1 }).lean();
  const communityIds = memberships.map((membership) => membership.communityId);
  const [allRooms, communities, markers] = await Promise.all([
    RoomModel.find(
      { communityId: trusted({ $in: communityIds }) },
      {
        title: 1,
        communityId: 1,
        kind: 1,
        visibility: 1,
        sourceOrganisationId: 1,
        recipientOrganisationIds: 1,
      },
    ).lean(),
    CommunityModel.find({ _id: trusted({ $in: communityIds }) }, { name: 1 }).lean(),
    ReadMarkerModel.find({ userId, scope: 'room' }).lean(),
  ]);
  // A learning set tells only its own people what happened in it.
  const sets = allRooms.filter((room) => isClosedRoom(room.kind as RoomKind));
  await Promise.all(sets.map((room) => ensureSetRoster(room)));
  const listing = await setsListing(
    userId,
    sets.map((room) => String(room._id)),
  );
  // A partners-only partnership tells only its partners and the facilitators, as the room policy decides.
  const partnersOnly = allRooms.filter((room) =>
    isPartnersOnly(room.kind as RoomKind, (room.visibility ?? 'community') as RoomVisibility),
  );
  const readable = await partnershipsReadableBy(userId, partnersOnly);
  const rooms = allRooms.filter((room) =>
    isClosedRoom(room.kind as RoomKind)
      ? listing.has(String(room._id))
      : !partnersOnly.includes(room) || readable.has(String(room._id)),
  );
  const communityName = new Map(communities.map((community) => [String(community._id), community.name]));
  const markerByRoom = new Map(markers.map((marker) => [String(marker.roomId), marker]));

  const entries = await Promise.all(
    rooms.map(async (room) => {
      const marker = markerByRoom.get(String(room._id));
      const unread = {
        roomId: room._id,
        seq: trusted({ $gt: marker?.lastReadSeq ?? 0 }),
        lost: false,
        authorId: trusted({ $ne: userId }),
      };
      const [newMessages, newQuestions, answeredQuestions, unreadMentions] = await Promise.all([
        MessageModel.countDocuments({ ...unread, deleted: false }),
        MessageModel.countDocuments({ ...unread, deleted: false, threadId: null, question: true }),
        MessageModel.countDocuments({
          roomId: room._id,
          threadId: null,
          question: true,
          answeredAt: trusted({ $gt: marker?.updatedAt ?? new Date(0) }),
        }),
        NotificationModel.countDocuments({ userId, roomId: room._id, readAt: null }),
      ]);
      return {
        roomId: String(room._id),
        roomTitle: room.title,
        communityName: communityName.get(String(room.communityId)) ?? '',
        newMessages,
        newQuestions,
        answeredQuestions,
        unreadMentions,
      };
    }),
  );
  return {
    generatedAt: now.toISOString(),
    rooms: entries.filter((entry) => entry.newMessages + entry.answeredQuestions + entry.unreadMentions > 0),
  };
}
