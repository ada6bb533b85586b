import {
  memberListSchema,
  membershipResponseSchema,
  type CommunityRole,
  type Member,
  type Membership,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/members`;

/** Everyone in a community, with their organisation and role. */
export async function listMembers(communityId: string): Promise<Member[]> {
  return (await apiRequest('GET', base(communityId), { schema: memberListSchema })).members;
}

/** Changes a member's role. */
export async function changeMemberRole(
  communityId: string,
  userId: string,
  role: CommunityRole,
): Promise<Membership> {
  return (
    await apiRequest('PATCH', `${base(communityId)}/${encodeURIComponent(userId)}`, {
      body: { role },
      schema: membershipResponseSchema,
    })
  ).membership;
}

/** Removes a member from a community (or leaves it, for oneself). */
export async function removeMember(communityId: string, userId: string): Promise<void> {
  await apiRequest('DELETE', `${base(communityId)}/${encodeURIComponent(userId)}`);
}
