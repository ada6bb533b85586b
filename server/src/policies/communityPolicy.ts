import { isValidObjectId } from 'mongoose';
import type { CommunityRole } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { anyOf, batchedLookup } from '../database/batchedLookup.ts';
import { AppError } from '../errors.ts';
import { CommunityModel, type CommunityRecord } from '../models/Community.ts';
import { MembershipModel } from '../models/Membership.ts';

/** A person's membership of a community, keyed `communityId:userId`; reads in one turn share one query per community. */
const membershipOf = batchedLookup(async (keys) => {
  const byCommunity = new Map<string, string[]>();
  for (const key of keys) {
    const [communityId, userId] = key.split(':') as [string, string];
    byCommunity.set(communityId, [...(byCommunity.get(communityId) ?? []), userId]);
  }
  const found = await Promise.all(
    [...byCommunity].map(([communityId, userIds]) =>
      MembershipModel.find({ communityId, userId: anyOf(userIds) }).lean(),
    ),
  );
  return new Map(
    found
      .flat()
      .map((membership) => [`${String(membership.communityId)}:${String(membership.userId)}`, membership]),
  );
});

/** The caller's role in a community, or null. Visitors never hold a community role. */
export async function communityRoleOf(
  caller: Caller | null,
  communityId: string,
): Promise<CommunityRole | null> {
  if (!caller || caller.kind !== 'user') return null;
  const membership = await membershipOf(`${communityId}:${caller.user.id}`);
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
