import { describe, expect, it } from 'vitest';
import type { AffiliationAbilities } from '../schemas/organisations.ts';
import { affiliationAbilities } from './affiliationAbilities.ts';
import type { OrganisationRole } from './roles.ts';

const SELF = 'user-1';
const OTHER = 'user-2';

const cases: [string, OrganisationRole | null, string, AffiliationAbilities][] = [
  ['admin about someone else', 'admin', OTHER, { update: true, remove: true }],
  ['admin about themselves', 'admin', SELF, { update: true, remove: true }],
  ['member about someone else', 'member', OTHER, { update: false, remove: false }],
  ['member about themselves', 'member', SELF, { update: false, remove: true }],
  ['pending about someone else', 'pending', OTHER, { update: false, remove: false }],
  ['pending about their own request', 'pending', SELF, { update: false, remove: true }],
  ['outsider about someone else', null, OTHER, { update: false, remove: false }],
];

describe('affiliationAbilities', () => {
  it.each(cases)('%s', (_name, role, userId, expected) => {
    expect(affiliationAbilities({ id: SELF, role }, { userId })).toEqual(expected);
  });
});
