import { routes, type CommunityRole, type Member, type Membership } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Everyone in a community, with their organisation and role. */
export async function listMembers(communityId: string): Promise<Member[]> {
  return (await api(routes.listMembers, { params: { id: communityId } })).members;
}

/** Changes a member's role. */
export async function changeMemberRole(
  communityId: string,
  userId: string,
  role: CommunityRole,
): Promise<Membership> {
  return (await api(routes.updateMember, { params: { id: communityId, userId }, body: { role } })).membership;
}

/** Removes a member from a community (or leaves it, for oneself). */
export async function removeMember(communityId: string, userId: string): Promise<void> {
  await api(routes.removeMember, { params: { id: communityId, userId } });
}
