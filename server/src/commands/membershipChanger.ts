import { can, type CommunityRole } from '@common-ground/shared';
import type { AccessEvents } from '../access/AccessEvents.ts';
import { AppError } from '../errors.ts';
import { MembershipModel, type MembershipRecord } from '../models/Membership.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';

async function managerCount(communityId: string, exceptUserId?: string): Promise<number> {
  const memberships = await MembershipModel.find({ communityId }).lean();
  return memberships.filter(
    (m) => String(m.userId) !== exceptUserId && can(m.role as CommunityRole, 'community.manage'),
  ).length;
}

const lastManager = () =>
  new AppError(
    'conflict',
    'A community needs at least one facilitator. Make someone else a facilitator first.',
  );

async function ensureAnotherManagerRemains(communityId: string, userId: string): Promise<void> {
  if ((await managerCount(communityId, userId)) === 0) throw lastManager();
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
  const stepsDown = can(previousRole, 'community.manage') && !can(role, 'community.manage');
  if (stepsDown) await ensureAnotherManagerRemains(communityId, userId);
  membership.role = role;
  await membership.save();
  // Checked again after the write: two facilitators stepping down at once each saw the other remain. Whichever
  // check runs last sees every write, so at least one of them undoes its change and the community keeps one.
  if (stepsDown && (await managerCount(communityId)) === 0) {
    await MembershipModel.updateOne({ _id: membership._id, role }, { $set: { role: previousRole } });
    throw lastManager();
  }
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
  const wasManager = can(membership.role as CommunityRole, 'community.manage');
  if (wasManager) await ensureAnotherManagerRemains(communityId, userId);
  await MembershipModel.deleteOne({ _id: membership._id });
  // As in changeMemberRole: re-checked after the write, and undone if nobody is left to manage the community.
  if (wasManager && (await managerCount(communityId)) === 0) {
    await MembershipModel.create(membership).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
    throw lastManager();
  }
  await accessEvents.publish({ type: 'membership.changed', communityId, userId });
}
