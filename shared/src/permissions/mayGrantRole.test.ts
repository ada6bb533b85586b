import { describe, expect, it } from 'vitest';
import { mayGrantRole } from './mayGrantRole.ts';
import type { Role } from './roles.ts';

const cases: [Role | null, Role, boolean][] = [
  ['facilitator', 'facilitator', true],
  ['facilitator', 'member', true],
  ['facilitator', 'observer', true],
  ['member', 'facilitator', false],
  ['member', 'member', true],
  ['member', 'observer', true],
  ['observer', 'member', false],
  ['observer', 'observer', true],
  ['visitor', 'observer', false],
  [null, 'observer', false],
];

describe('mayGrantRole', () => {
  it.each(cases)('%s granting %s: %s', (granter, role, expected) => {
    expect(mayGrantRole(granter, role)).toBe(expected);
  });
});
