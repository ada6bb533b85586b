import { describe, expect, it } from 'vitest';
import type { Role } from './roles.ts';
import { threadAbilities, type ThreadAbilities } from './threadAbilities.ts';

const AUTHOR = 'author-1';
const OTHER = 'other-2';
const NONE: ThreadAbilities = {
  reply: false,
  lock: false,
  askQuestion: false,
  markQuestion: false,
  markAnswered: false,
};

const cases: [string, { id: string | null; role: Role | null }, boolean, Partial<ThreadAbilities>][] = [
  [
    'member who started it',
    { id: AUTHOR, role: 'member' },
    false,
    { reply: true, askQuestion: true, markQuestion: true, markAnswered: true },
  ],
  [
    'member who started it, locked',
    { id: AUTHOR, role: 'member' },
    true,
    { askQuestion: true, markQuestion: true, markAnswered: true },
  ],
  ['another member', { id: OTHER, role: 'member' }, false, { reply: true }],
  ['another member, locked', { id: OTHER, role: 'member' }, true, {}],
  [
    'facilitator',
    { id: OTHER, role: 'facilitator' },
    false,
    { reply: true, lock: true, markQuestion: true, markAnswered: true },
  ],
  [
    'facilitator, locked',
    { id: OTHER, role: 'facilitator' },
    true,
    { reply: true, lock: true, markQuestion: true, markAnswered: true },
  ],
  [
    'facilitator who started it',
    { id: AUTHOR, role: 'facilitator' },
    false,
    { reply: true, lock: true, askQuestion: true, markQuestion: true, markAnswered: true },
  ],
  ['observer who started it (before a downgrade)', { id: AUTHOR, role: 'observer' }, false, {}],
  ['visitor', { id: OTHER, role: 'visitor' }, false, {}],
  ['nobody signed in', { id: null, role: null }, false, {}],
];

describe('threadAbilities', () => {
  it.each(cases)('%s', (_name, viewer, locked, allowed) => {
    expect(threadAbilities(viewer, { author: { id: AUTHOR }, locked })).toEqual({ ...NONE, ...allowed });
  });
});
