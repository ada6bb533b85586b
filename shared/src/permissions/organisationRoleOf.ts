import type { OrganisationRole } from './roles.ts';

/** Someone's organisation role from their affiliation: only a confirmed person can be an admin or see anything. */
export function organisationRoleOf(
  affiliation: { status: 'pending' | 'confirmed'; isAdmin: boolean } | null | undefined,
): OrganisationRole | null {
  if (!affiliation) return null;
  if (affiliation.status !== 'confirmed') return 'pending';
  return affiliation.isAdmin ? 'admin' : 'member';
}
