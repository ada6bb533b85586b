import { can, type CommunityRole } from '@common-ground/shared';
import type { AccessEvents } from '../access/AccessEvents.ts';
import { AppError } from '../errors.ts';
import { MembershipModel, type MembershipRecord } from '../models/Membership.ts';

async function ensureAnotherManagerRemains(communityId: string, userId: string): Promise<void> {
  const managers = await MembershipModel.find({ communityId }).lean();
  const others = managers.filter(
    (m) => String(m.userId) !== userId && can(m.role as CommunityRole, 'community.manage'),
  );
  if (others.length === 0) {
    throw new AppError(
      'conflict',
      'A community needs at least one facilitator. Make someone else a facilitator first.',
    );
  }
}

/** Changes a member's role; the last facilitator cannot be demoted. Open connections hear of it at once. */
export async function changeMemberRole(
  accessEvents: AccessEvents,
  communityId: string,
  userId: string,
  role: CommunityRole,
): Promise<{ membership: MembershipRecord; previousRole: CommunityRole }> {
  const membership = await MembershipModel.findOne({ communityId, userId });
  if (!membership) throw new AppError('not_found', 'That person is not a member of this community.');
  const previousRole = membership.role as CommunityRole;
  if (can(previousRole, 'community.manage') && !can(role, 'community.manage')) {
    await ensureAnotherManagerRemains(communityId, userId);
  }
  membership.role = role;
  await membership.save();
  await accessEvents.publish({ type: 'membership.changed', communityId, userId });
  return { membership, previousRole };
}

/** Removes a member (or lets someone leave); the last facilitator cannot go. Their live connections are cut at once. */
export async function removeMember(
  accessEvents: AccessEvents,
  communityId: string,
  userId: string,
): Promise<void> {
  const membership = await MembershipModel.findOne({ communityId, userId }).lean();
  if (!membership) throw new AppError('not_found', 'That person is not a member of this community.');
  if (can(membership.role as CommunityRole, 'community.manage'))
    await ensureAnotherManagerRemains(communityId, userId);
  await MembershipModel.deleteOne({ _id: membership._id });
  await accessEvents.publish({ type: 'membership.changed', communityId, userId });
}
