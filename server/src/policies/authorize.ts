import { can, type Capability, type Role } from '@common-ground/shared';
import { AppError } from '../errors.ts';

const REFUSALS: Partial<Record<Capability, string>> = {
  'document.edit': 'You can view this document but not change it.',
  'discussion.post': 'You can read this discussion but not post in it.',
  'question.ask': 'Only members can ask questions here.',
};

const NO_PERMISSION = 'You do not have permission to do that.';

/** Throws 403 unless the role grants the capability. The only way a route or handler says yes or no to a role. */
export function authorize(role: Role | null, capability: Capability): asserts role is Role {
  if (!can(role, capability)) {
    throw new AppError('forbidden', REFUSALS[capability] ?? NO_PERMISSION, {
      capability,
    });
  }
}

/**
 * Throws 403, with a reason a person can act on, unless a per-object rule from shared (messageAbilities,
 * threadAbilities, memberAbilities, affiliationAbilities, ...) allowed the act.
 */
export function authorizeAbility(allowed: boolean, reason: string = NO_PERMISSION): void {
  if (!allowed) throw new AppError('forbidden', reason);
}
