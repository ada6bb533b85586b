import { describe, expect, it } from 'vitest';
import { memberAbilities, type MemberAbilities } from './memberAbilities.ts';
import type { Role } from './roles.ts';

const SELF = 'user-1';
const OTHER = 'user-2';

const cases: [string, Role | null, string, MemberAbilities][] = [
  ['facilitator about someone else', 'facilitator', OTHER, { changeRole: true, remove: true, leave: false }],
  ['facilitator about themselves', 'facilitator', SELF, { changeRole: true, remove: false, leave: true }],
  ['member about someone else', 'member', OTHER, { changeRole: false, remove: false, leave: false }],
  ['member about themselves', 'member', SELF, { changeRole: false, remove: false, leave: true }],
  ['observer about themselves', 'observer', SELF, { changeRole: false, remove: false, leave: true }],
  ['no role about someone else', null, OTHER, { changeRole: false, remove: false, leave: false }],
];

describe('memberAbilities', () => {
  it.each(cases)('%s', (_name, role, userId, expected) => {
    expect(memberAbilities({ id: SELF, role }, { userId })).toEqual(expected);
  });
});
