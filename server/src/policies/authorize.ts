import { can, type Capability, type Role } from '@common-ground/shared';
import { AppError } from '../errors.ts';

const REFUSALS: Partial<Record<Capability, string>> = {
  'document.edit': 'You can view this document but not change it.',
  'discussion.post': 'You can read this discussion but not post in it.',
  'question.ask': 'Only members can ask questions here.',
};

/** Throws 403 unless the role grants the capability. The only way a route or handler says yes or no. */
export function authorize(role: Role | null, capability: Capability): asserts role is Role {
  if (!can(role, capability)) {
    throw new AppError('forbidden', REFUSALS[capability] ?? 'You do not have permission to do that.', {
      capability,
    });
  }
}
