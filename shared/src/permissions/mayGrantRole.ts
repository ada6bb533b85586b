import { ROLE_CAPABILITIES, can, type Role } from './roles.ts';

/** Whether someone may give another person a role: nobody hands out a capability they do not hold themselves. */
export function mayGrantRole(granter: Role | null | undefined, role: Role): boolean {
  return ROLE_CAPABILITIES[role].every((capability) => can(granter, capability));
}
