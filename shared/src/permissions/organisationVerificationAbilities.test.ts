import { describe, expect, it } from 'vitest';
import {
  organisationVerificationAbilities,
  type OrganisationStanding,
} from './organisationVerificationAbilities.ts';

const standing = (overrides: Partial<OrganisationStanding>): OrganisationStanding => ({
  verified: false,
  platformRole: null,
  organisationRole: null,
  rolesWhereItTakesPart: [],
  ...overrides,
});

const cases: [string, Partial<OrganisationStanding>, { editDomains: boolean; verify: boolean }][] = [
  ['a stranger', {}, { editDomains: false, verify: false }],
  ['a platform administrator', { platformRole: 'administrator' }, { editDomains: false, verify: true }],
  [
    'a platform administrator who works there',
    { platformRole: 'administrator', organisationRole: 'member' },
    { editDomains: false, verify: true },
  ],
  [
    'a facilitator of a community it takes part in',
    { rolesWhereItTakesPart: ['member', 'facilitator'] },
    { editDomains: false, verify: true },
  ],
  [
    'a member of a community it takes part in',
    { rolesWhereItTakesPart: ['member', 'observer'] },
    { editDomains: false, verify: false },
  ],
  [
    'a facilitator who is its admin (made it)',
    { organisationRole: 'admin', rolesWhereItTakesPart: ['facilitator'] },
    { editDomains: false, verify: false },
  ],
  [
    'a facilitator whose claim to work there is pending',
    { organisationRole: 'pending', rolesWhereItTakesPart: ['facilitator'] },
    { editDomains: false, verify: false },
  ],
  ['its admin, before it is verified', { organisationRole: 'admin' }, { editDomains: false, verify: false }],
  [
    'its admin, once it is verified',
    { organisationRole: 'admin', verified: true },
    { editDomains: true, verify: false },
  ],
  ['a confirmed member', { organisationRole: 'member' }, { editDomains: false, verify: false }],
];

describe('organisationVerificationAbilities', () => {
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(organisationVerificationAbilities(standing(overrides))).toEqual(expected);
  });
});
