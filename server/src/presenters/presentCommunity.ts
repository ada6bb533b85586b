import type { Community, CommunityRole, Member, Membership } from '@common-ground/shared';
import type { CommunityRecord } from '../models/Community.ts';
import type { MembershipRecord } from '../models/Membership.ts';
import { presentPeople } from './presentPeople.ts';

/** Community model → DTO with the caller's role. */
export function presentCommunity(
  community: Pick<CommunityRecord, '_id' | 'name' | 'purpose' | 'createdAt' | 'spaceRoomId'>,
  role: CommunityRole | null,
): Community {
  return {
    id: String(community._id),
    name: community.name,
    purpose: community.purpose ?? '',
    createdAt: community.createdAt.toISOString(),
    role,
    spaceRoomId: community.spaceRoomId ? String(community.spaceRoomId) : null,
  };
}

/** Membership model → DTO. */
export function presentMembership(
  membership: Pick<MembershipRecord, 'communityId' | 'userId' | 'role' | 'joinedAt'>,
): Membership {
  return {
    communityId: String(membership.communityId),
    userId: String(membership.userId),
    role: membership.role as CommunityRole,
    joinedAt: membership.joinedAt.toISOString(),
  };
}

/** Memberships → member list entries with each person's public identity. */
export async function presentMembers(
  memberships: Pick<MembershipRecord, 'communityId' | 'userId' | 'role' | 'joinedAt'>[],
): Promise<Member[]> {
  const people = await presentPeople(memberships.map((m) => String(m.userId)));
  return memberships.flatMap((membership) => {
    const person = people.get(String(membership.userId));
    return person ? [{ ...presentMembership(membership), person }] : [];
  });
}
