import { isValidObjectId } from 'mongoose';
import type { CommunityRole } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { CommunityModel, type CommunityRecord } from '../models/Community.ts';
import { MembershipModel } from '../models/Membership.ts';

/** The caller's role in a community, or null. Visitors never hold a community role. */
export async function communityRoleOf(
  caller: Caller | null,
  communityId: string,
): Promise<CommunityRole | null> {
  if (!caller || caller.kind !== 'user') return null;
  const membership = await MembershipModel.findOne({ communityId, userId: caller.user.id }).lean();
  return membership ? (membership.role as CommunityRole) : null;
}

/** Loads a community the caller belongs to; anyone else gets 404, so its existence is not revealed. */
export async function loadCommunityForCaller(
  caller: Caller | null,
  communityId: string,
): Promise<{ community: CommunityRecord; role: CommunityRole }> {
  if (!isValidObjectId(communityId)) throw new AppError('not_found', 'Community not found.');
  const [community, role] = await Promise.all([
    CommunityModel.findById(communityId),
    communityRoleOf(caller, communityId),
  ]);
  if (!community || !role) throw new AppError('not_found', 'Community not found.');
  return { community, role };
}
