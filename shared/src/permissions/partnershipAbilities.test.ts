import { describe, expect, it } from 'vitest';
import type { PartnershipAbilities } from '../schemas/partnerships.ts';
import { partnershipAbilities, reflectionAbilities, type PartnershipViewer } from './partnershipAbilities.ts';

const partnership = { sourceOrganisationId: 'src', recipientOrganisationIds: ['r1', 'r2'] };
const viewer = (overrides: Partial<PartnershipViewer>): PartnershipViewer => ({
  id: 'u',
  role: 'member',
  organisationId: null,
  ...overrides,
});
const none: PartnershipAbilities = {
  record: false,
  seeHealth: false,
  adaptFor: [],
  sponsorFor: [],
  reply: false,
  configure: false,
};

describe('partnershipAbilities', () => {
  const cases: [string, Partial<PartnershipViewer>, PartnershipAbilities][] = [
    [
      'a member at the source replies',
      { organisationId: 'src' },
      { record: true, seeHealth: true, adaptFor: [], sponsorFor: ['src'], reply: true, configure: true },
    ],
    [
      'a member at a recipient writes its own entries',
      { organisationId: 'r2' },
      { record: true, seeHealth: true, adaptFor: ['r2'], sponsorFor: ['r2'], reply: false, configure: true },
    ],
    [
      'an observer at a recipient only sees its health',
      { organisationId: 'r1', role: 'observer' },
      { ...none, seeHealth: true },
    ],
    ['a member from elsewhere has nothing', { organisationId: 'other' }, none],
    ['a member of no organisation has nothing', {}, none],
    [
      'a facilitator from elsewhere oversees',
      { organisationId: 'other', role: 'facilitator' },
      { ...none, seeHealth: true, configure: true },
    ],
    ['no role, even at the source, has nothing', { organisationId: 'src', role: null }, none],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(partnershipAbilities(viewer(overrides), partnership)).toEqual(expected);
  });
});

describe('reflectionAbilities', () => {
  it.each([
    ['its author', { id: 'a', role: 'member' }, { withdraw: true, share: true, seeAuthor: true }],
    ['another partner', { id: 'b', role: 'member' }, { withdraw: false, share: false, seeAuthor: false }],
    ['a facilitator', { id: 'f', role: 'facilitator' }, { withdraw: false, share: false, seeAuthor: true }],
  ] as const)('%s', (_name, who, expected) => {
    expect(reflectionAbilities(who, { authorId: 'a' })).toEqual(expected);
  });
});
