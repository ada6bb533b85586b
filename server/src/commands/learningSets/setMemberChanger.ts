import { can, COMMUNITY_ROLES, type CommunityRole } from '@common-ground/shared';
import type { AccessEvents } from '../../access/AccessEvents.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { MembershipModel } from '../../models/Membership.ts';
import type { RoomRecord } from '../../models/Room.ts';
import { SetMemberModel } from '../../models/SetMember.ts';
import { reviseGroundRules } from './groundRulesReviser.ts';
import { insertSetMember } from './setRoster.ts';

const MANAGING_ROLES = COMMUNITY_ROLES.filter((role) => can(role, 'set.manage'));

/** Refuses to leave a set without a facilitator, who alone can add people and write the ground rules. */
async function keepAFacilitator(roomId: string, userId: string): Promise<void> {
  const others = await SetMemberModel.countDocuments({
    roomId,
    role: trusted({ $in: MANAGING_ROLES }),
    removedAt: null,
    userId: trusted({ $ne: userId }),
  });
  if (others === 0)
    throw new AppError(
      'conflict',
      'A learning set needs at least one facilitator. Make someone else one first.',
    );
}

/**
 * Adds someone from the community to a set, or changes their role there. A newcomer (or someone coming back) means
 * everyone agrees to the ground rules again. Open connections follow at once: the access change makes every instance
 * ask the room policy again for the person's connections in this community.
 */
export async function putSetMember(
  accessEvents: AccessEvents,
  room: RoomRecord,
  actorId: string,
  change: { userId: string; role: CommunityRole },
): Promise<{ joined: boolean; previousRole: CommunityRole | null }> {
  const roomId = String(room._id);
  const communityId = String(room.communityId);
  const inCommunity = await MembershipModel.exists({ communityId, userId: change.userId });
  if (!inCommunity)
    throw new AppError('validation_failed', 'Only people in the community can join its learning sets.', {
      fields: { userId: 'Choose someone in this community' },
    });
  const existing = await SetMemberModel.findOne({ roomId, userId: change.userId }).lean();
  const previousRole = existing && !existing.removedAt ? (existing.role as CommunityRole) : null;
  if (previousRole === change.role) return { joined: false, previousRole };
  if (can(previousRole, 'set.manage') && !can(change.role, 'set.manage'))
    await keepAFacilitator(roomId, change.userId);
  let joined = previousRole === null;
  if (existing) {
    await SetMemberModel.updateOne(
      { roomId, userId: change.userId },
      joined
        ? { $set: { role: change.role, removedAt: null, addedAt: new Date() } }
        : { $set: { role: change.role } },
    );
  } else if (!(await insertSetMember({ roomId, communityId, ...change, addedAt: new Date() }))) {
    // Someone else listed them a moment ago: this call only sets the role.
    await SetMemberModel.updateOne(
      { roomId, userId: change.userId },
      { $set: { role: change.role, removedAt: null } },
    );
    joined = false;
  }
  if (joined) await reviseGroundRules(roomId, actorId, { reason: 'joined' });
  await accessEvents.publish({ type: 'membership.changed', communityId, userId: change.userId });
  return { joined, previousRole };
}

/** Removes someone from a set (or they leave); their open connections lose it at once. */
export async function removeSetMember(
  accessEvents: AccessEvents,
  room: RoomRecord,
  userId: string,
): Promise<void> {
  const roomId = String(room._id);
  const member = await SetMemberModel.findOne({ roomId, userId, removedAt: null }).lean();
  if (!member) throw new AppError('not_found', 'That person is not in this learning set.');
  if (can(member.role as CommunityRole, 'set.manage')) await keepAFacilitator(roomId, userId);
  await SetMemberModel.updateOne({ roomId, userId, removedAt: null }, { $set: { removedAt: new Date() } });
  await accessEvents.publish({ type: 'membership.changed', communityId: String(room.communityId), userId });
}
