import { describe, expect, it } from 'vitest';
import {
  mayWriteAction,
  meetingAbilities,
  meetingNotesRole,
  type MeetingAbilities,
  type MeetingViewer,
} from './meetingAbilities.ts';

const ME = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);
const meeting = (over: Partial<Parameters<typeof meetingAbilities>[1]> = {}) => ({
  runnerId: null,
  status: 'live' as const,
  clockHidden: false,
  currentStageId: 'present-1',
  stages: [
    { id: 'check-in', kind: 'check-in' as const, title: 'Check-in', minutes: 10 },
    { id: 'present-1', kind: 'presenting' as const, title: 'Presenting', minutes: 10, presenterId: ME },
  ],
  ...over,
});
const none: MeetingAbilities = {
  view: false,
  run: false,
  participate: false,
  hideClock: false,
  seeClock: false,
  markHelpful: false,
  manage: false,
  optInNotes: false,
};
const viewer = (role: MeetingViewer['role'], agreed = true, id = OTHER): MeetingViewer => ({
  id,
  role,
  agreed,
});

const cases: [string, MeetingViewer, ReturnType<typeof meeting>, MeetingAbilities][] = [
  ['nobody outside the set', viewer(null), meeting(), none],
  [
    'a facilitator who has not agreed yet: sees the set, not the meeting',
    viewer('facilitator', false),
    meeting(),
    { ...none, manage: true },
  ],
  [
    'a facilitator runs it',
    viewer('facilitator'),
    meeting(),
    { ...none, view: true, run: true, participate: true, seeClock: true, manage: true },
  ],
  [
    'a member takes part',
    viewer('member'),
    meeting(),
    { ...none, view: true, participate: true, seeClock: true },
  ],
  [
    'a member it was handed to runs it',
    viewer('member'),
    meeting({ runnerId: OTHER }),
    { ...none, view: true, run: true, participate: true, seeClock: true },
  ],
  [
    'an observer it was handed to still only watches',
    viewer('observer'),
    meeting({ runnerId: OTHER }),
    { ...none, view: true, seeClock: true },
  ],
  ['an observer watches', viewer('observer'), meeting(), { ...none, view: true, seeClock: true }],
  [
    'the presenter hides the clock and marks questions',
    viewer('member', true, ME),
    meeting({ clockHidden: true }),
    {
      ...none,
      view: true,
      participate: true,
      seeClock: true,
      hideClock: true,
      markHelpful: true,
      optInNotes: true,
    },
  ],
  [
    'a hidden clock is hidden from the facilitator',
    viewer('facilitator'),
    meeting({ clockHidden: true }),
    { ...none, view: true, run: true, participate: true, manage: true },
  ],
  [
    'an ended meeting is only read',
    viewer('facilitator'),
    meeting({ status: 'ended' }),
    { ...none, view: true, seeClock: true, manage: true },
  ],
];

describe('meetingAbilities', () => {
  it.each(cases)('%s', (_name, who, facts, expected) => {
    expect(meetingAbilities(who, facts)).toEqual(expected);
  });
});

describe('mayWriteAction', () => {
  it.each([
    ['a member writes a new action', viewer('member'), null, true],
    ['a member writes their own', viewer('member'), { ownerId: OTHER }, true],
    ["a member never writes another's", viewer('member'), { ownerId: ME }, false],
    ["a facilitator never writes another's", viewer('facilitator'), { ownerId: ME }, false],
    ['an observer writes none', viewer('observer'), null, false],
    ['nobody who has not agreed', viewer('member', false), null, false],
  ] as const)('%s', (_name, who, action, expected) => {
    expect(mayWriteAction(who, action)).toBe(expected);
  });
});

describe('meetingNotesRole', () => {
  const notes = { presenterId: ME, noteTakerIds: ['c'.repeat(24)] };
  it.each([
    ['the presenter writes', 'member', ME, 'member'],
    ['a chosen note-taker writes', 'member', 'c'.repeat(24), 'member'],
    ['another member reads', 'member', OTHER, 'observer'],
    ['a facilitator not chosen reads', 'facilitator', OTHER, 'observer'],
    ['an observer chosen still only reads', 'observer', 'c'.repeat(24), 'observer'],
    ['nobody outside the set', null, OTHER, null],
  ] as const)('%s', (_name, role, id, expected) => {
    expect(meetingNotesRole(role, id, notes)).toBe(expected);
  });
});
