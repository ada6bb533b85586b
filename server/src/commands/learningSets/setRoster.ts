import type { CommunityRole } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { trusted } from '../../database/trusted.ts';
import { MembershipModel } from '../../models/Membership.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { SetMemberModel } from '../../models/SetMember.ts';
import { SetRosterModel } from '../../models/SetRoster.ts';

/**
 * Makes sure a learning set has its own list of people. A set made before sets had one keeps everyone who could see
 * it then (every community member who had joined by the cutoff), with their community role. Safe on several
 * instances at once and idempotent: the first roster insert fixes the cutoff, each person is a unique insert, and a
 * removal leaves a row behind, so a late or repeated backfill can neither bring someone back nor add a newcomer.
 */
export async function ensureSetRoster(room: Pick<RoomRecord, '_id' | 'communityId'>): Promise<void> {
  const roomId = String(room._id);
  let roster = await SetRosterModel.findOne({ roomId }).lean();
  if (!roster) {
    try {
      await SetRosterModel.create({ roomId, backfillCutoff: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    roster = await SetRosterModel.findOne({ roomId }).lean();
  }
  const cutoff = roster?.backfillCutoff;
  if (cutoff && !roster?.backfilledAt) {
    const memberships = await MembershipModel.find({
      communityId: room.communityId,
      joinedAt: trusted({ $lte: cutoff }),
    }).lean();
    await Promise.all(
      memberships.map((membership) =>
        insertSetMember({
          roomId,
          communityId: String(room.communityId),
          userId: String(membership.userId),
          role: membership.role as CommunityRole,
          addedAt: cutoff,
        }),
      ),
    );
    await SetRosterModel.updateOne({ roomId }, { $set: { backfilledAt: new Date() } });
  }
}

/** Starts a new set's list with its creator as facilitator, before the room exists, so no backfill can claim it. */
export async function startSetRoster(roomId: string, communityId: string, creatorId: string): Promise<void> {
  await SetRosterModel.create({ roomId, backfillCutoff: null });
  await insertSetMember({ roomId, communityId, userId: creatorId, role: 'facilitator', addedAt: new Date() });
}

/** Inserts one person unless the set has ever listed them; answers whether this call inserted them. */
export async function insertSetMember(member: {
  roomId: string;
  communityId: string;
  userId: string;
  role: CommunityRole;
  addedAt: Date;
}): Promise<boolean> {
  try {
    await SetMemberModel.create(member);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
