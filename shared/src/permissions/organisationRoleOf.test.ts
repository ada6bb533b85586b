import { describe, expect, it } from 'vitest';
import { organisationRoleOf } from './organisationRoleOf.ts';
import type { OrganisationRole } from './roles.ts';

const cases: [
  string,
  { status: 'pending' | 'confirmed'; isAdmin: boolean } | null,
  OrganisationRole | null,
][] = [
  ['confirmed admin', { status: 'confirmed', isAdmin: true }, 'admin'],
  ['confirmed member', { status: 'confirmed', isAdmin: false }, 'member'],
  ['pending', { status: 'pending', isAdmin: false }, 'pending'],
  ['pending, flagged admin before confirmation', { status: 'pending', isAdmin: true }, 'pending'],
  ['no affiliation', null, null],
];

describe('organisationRoleOf', () => {
  it.each(cases)('%s', (_name, affiliation, expected) => {
    expect(organisationRoleOf(affiliation)).toBe(expected);
  });
});
