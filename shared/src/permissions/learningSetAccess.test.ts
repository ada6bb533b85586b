import { describe, expect, it } from 'vitest';
import {
  learningSetAbilities,
  mayHaveVisitorPasses,
  roomRoleFor,
  setMemberAbilities,
  type RoomStanding,
} from './learningSetAccess.ts';

const standing = (overrides: Partial<RoomStanding>): RoomStanding => ({
  communityRole: null,
  setRole: null,
  visitorHere: false,
  ...overrides,
});

describe('roomRoleFor in a partners-only partnership', () => {
  const cases: [string, Partial<RoomStanding>, string | null][] = [
    [
      'a member of a partner organisation keeps their role',
      { communityRole: 'member', partnerHere: true },
      'member',
    ],
    [
      'an observer at a partner keeps their role',
      { communityRole: 'observer', partnerHere: true },
      'observer',
    ],
    ['a community facilitator from elsewhere oversees it', { communityRole: 'facilitator' }, 'facilitator'],
    ['a member from elsewhere has none', { communityRole: 'member' }, null],
    ['an observer from elsewhere has none', { communityRole: 'observer' }, null],
    ['a partner who left the community has none', { partnerHere: true }, null],
    ['a visitor has none', { visitorHere: true, partnerHere: true }, null],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(roomRoleFor('partnership', standing(overrides), 'partners')).toBe(expected);
  });
  it('a community-visible partnership follows the community role', () => {
    expect(roomRoleFor('partnership', standing({ communityRole: 'member' }), 'community')).toBe('member');
  });
});

describe('roomRoleFor', () => {
  const cases: [string, Parameters<typeof roomRoleFor>[0], Partial<RoomStanding>, string | null][] = [
    [
      'a set member has their set role',
      'learning-set',
      { communityRole: 'member', setRole: 'observer' },
      'observer',
    ],
    [
      'a community facilitator outside the set has none',
      'learning-set',
      { communityRole: 'facilitator' },
      null,
    ],
    ['a set member who left the community has none', 'learning-set', { setRole: 'member' }, null],
    ['a visitor has none in a set', 'learning-set', { visitorHere: true }, null],
    ['a visitor is a visitor in their open day', 'open-day', { visitorHere: true }, 'visitor'],
    ['a visitor has none in a partnership', 'partnership', { visitorHere: true }, null],
    ['a partnership follows the community role', 'partnership', { communityRole: 'observer' }, 'observer'],
    [
      'an open day follows the community role',
      'open-day',
      { communityRole: 'member', setRole: 'facilitator' },
      'member',
    ],
    ['an outsider has none', 'community-space', {}, null],
  ];
  it.each(cases)('%s', (_name, kind, overrides, expected) => {
    expect(roomRoleFor(kind, standing(overrides))).toBe(expected);
  });
});

describe('learningSetAbilities', () => {
  const cases: [string, Partial<RoomStanding>, { seePeople: boolean; manage: boolean; agree: boolean }][] = [
    [
      'set facilitator',
      { communityRole: 'member', setRole: 'facilitator' },
      { seePeople: true, manage: true, agree: true },
    ],
    [
      'set member',
      { communityRole: 'facilitator', setRole: 'member' },
      { seePeople: true, manage: false, agree: true },
    ],
    [
      'set observer',
      { communityRole: 'member', setRole: 'observer' },
      { seePeople: true, manage: false, agree: true },
    ],
    [
      'community facilitator outside',
      { communityRole: 'facilitator' },
      { seePeople: true, manage: false, agree: false },
    ],
    [
      'community member outside',
      { communityRole: 'member' },
      { seePeople: false, manage: false, agree: false },
    ],
    [
      'listed but no longer in the community',
      { setRole: 'facilitator' },
      { seePeople: false, manage: false, agree: false },
    ],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(learningSetAbilities(standing(overrides))).toEqual(expected);
  });
});

describe('mayHaveVisitorPasses', () => {
  it('allows open days only', () => {
    expect(mayHaveVisitorPasses('open-day')).toBe(true);
    expect(mayHaveVisitorPasses('learning-set')).toBe(false);
    expect(mayHaveVisitorPasses('partnership')).toBe(false);
  });
});

describe('setMemberAbilities', () => {
  const facilitator = { id: 'a', communityRole: 'member', setRole: 'facilitator' } as const;
  const member = { id: 'b', communityRole: 'member', setRole: 'member' } as const;
  const overseer = { id: 'c', communityRole: 'facilitator', setRole: null } as const;
  it.each([
    ['a facilitator manages anyone', facilitator, 'b', { changeRole: true, remove: true, leave: false }],
    ['a facilitator may leave', facilitator, 'a', { changeRole: true, remove: true, leave: true }],
    ['a member may only leave', member, 'b', { changeRole: false, remove: false, leave: true }],
    ['a member cannot remove others', member, 'a', { changeRole: false, remove: false, leave: false }],
    ['an overseer only looks', overseer, 'b', { changeRole: false, remove: false, leave: false }],
    [
      'an overseer cannot leave what they are not in',
      overseer,
      'c',
      { changeRole: false, remove: false, leave: false },
    ],
  ] as const)('%s', (_name, viewer, userId, expected) => {
    expect(setMemberAbilities(viewer, { userId })).toEqual(expected);
  });
});
