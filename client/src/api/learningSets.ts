import { routes, type CommunityRole } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** A learning set's people, with who has agreed to its ground rules, and what the caller may do. */
export async function listSetMembers(roomId: string) {
  return api(routes.listSetMembers, { params: { id: roomId } });
}

/** Adds someone from the community to a set, or changes their role there. */
export async function putSetMember(roomId: string, userId: string, role: CommunityRole) {
  return (await api(routes.putSetMember, { params: { id: roomId }, body: { userId, role } })).member;
}

/** Removes someone from a set (or leaves it, for oneself). */
export async function removeSetMember(roomId: string, userId: string): Promise<void> {
  await api(routes.removeSetMember, { params: { id: roomId, userId } });
}

/** The set's ground rules in force and whether the caller agreed to them. */
export async function getGroundRules(roomId: string) {
  return api(routes.getGroundRules, { params: { id: roomId } });
}

/** Writes the set's ground rules; everyone then agrees again. */
export async function writeGroundRules(roomId: string, rules: string[]) {
  return api(routes.writeGroundRules, { params: { id: roomId }, body: { rules } });
}

/** Agrees to the revision of the ground rules the person read. */
export async function agreeToGroundRules(roomId: string, revision: number): Promise<void> {
  await api(routes.agreeToGroundRules, { params: { id: roomId }, body: { revision } });
}
