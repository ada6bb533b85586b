import { isClosedRoom, isPartnersOnly, type RoomKind, type RoomVisibility } from '@common-ground/shared';
import { MembershipModel } from '../models/Membership.ts';
import type { RoomRecord } from '../models/Room.ts';
import { UserModel } from '../models/User.ts';
import { trusted } from '../database/trusted.ts';
import { listedSetMembers } from './learningSets.ts';
import { partnershipPeople } from './partnerships/partnershipPeople.ts';

/** Escapes text for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The people of the room who may read it (a learning set's listed people, a partners-only partnership's people and
 * facilitators, else the community's members) whom a body
 * mentions as `@Display Name` (case-insensitive, whole name), excluding the author.
 * Longer names win, so `@Jane Smith` does not also mention a member called `Jane`.
 */
export async function resolveMentions(
  body: string,
  room: Pick<RoomRecord, '_id' | 'communityId' | 'kind'> & Partial<RoomRecord>,
  authorId: string,
): Promise<string[]> {
  if (!body.includes('@')) return [];
  const memberships = isClosedRoom(room.kind as RoomKind)
    ? await listedSetMembers(String(room._id))
    : isPartnersOnly(room.kind as RoomKind, (room.visibility ?? 'community') as RoomVisibility)
      ? await partnershipReaders(room as RoomRecord)
      : await MembershipModel.find({ communityId: room.communityId }, { userId: 1 }).lean();
  const users = await UserModel.find(
    { _id: trusted({ $in: memberships.map((m) => m.userId) }) },
    { displayName: 1 },
  ).lean();
  const candidates = users
    .filter((user) => String(user._id) !== authorId)
    .sort((a, b) => b.displayName.length - a.displayName.length);
  let remaining = body;
  const mentioned: string[] = [];
  for (const user of candidates) {
    const pattern = new RegExp(`(^|[^\\w@])@${escapeRegExp(user.displayName)}(?![\\w])`, 'giu');
    if (pattern.test(remaining)) {
      mentioned.push(String(user._id));
      remaining = remaining.replace(pattern, '$1');
    }
  }
  return mentioned;
}

/** A partners-only partnership's readers, in the shape mentions read. */
async function partnershipReaders(room: RoomRecord): Promise<{ userId: string }[]> {
  const { partners, overseers } = await partnershipPeople(room);
  return [...partners, ...overseers].map((userId) => ({ userId }));
}
