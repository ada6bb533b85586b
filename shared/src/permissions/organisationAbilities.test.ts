import { describe, expect, it } from 'vitest';
import { organisationAbilities, type OrganisationAbilities } from './organisationAbilities.ts';
import type { OrganisationRole } from './roles.ts';

const cases: [OrganisationRole | null, OrganisationAbilities][] = [
  ['admin', { listPeople: true, administer: true }],
  ['member', { listPeople: true, administer: false }],
  ['pending', { listPeople: false, administer: false }],
  [null, { listPeople: false, administer: false }],
];

describe('organisationAbilities', () => {
  it.each(cases)('%s', (role, expected) => {
    expect(organisationAbilities(role)).toEqual(expected);
  });
});
