import { describe, expect, it } from 'vitest';
import { messageAbilities, type MessageAbilities } from './messageAbilities.ts';
import type { Role } from './roles.ts';

const AUTHOR = 'author-1';
const ASKER = 'asker-2';
const OTHER = 'other-3';
const NONE: MessageAbilities = {
  edit: false,
  delete: false,
  hide: false,
  readHidden: false,
  markAnswer: false,
};
const thread = { author: { id: ASKER }, locked: false };
const reply = { author: { id: AUTHOR }, threadId: 'thread-1' };
const starter = { author: { id: AUTHOR }, threadId: null };

const cases: [
  string,
  { id: string | null; role: Role | null },
  typeof reply | typeof starter,
  Partial<MessageAbilities>,
][] = [
  ['its author, a member', { id: AUTHOR, role: 'member' }, reply, { edit: true, delete: true }],
  ['its author, now an observer', { id: AUTHOR, role: 'observer' }, reply, {}],
  ['another member', { id: OTHER, role: 'member' }, reply, {}],
  ['the asker of its thread', { id: ASKER, role: 'member' }, reply, { markAnswer: true }],
  [
    'a facilitator',
    { id: OTHER, role: 'facilitator' },
    reply,
    { hide: true, readHidden: true, markAnswer: true },
  ],
  [
    'a facilitator, on a thread starter',
    { id: OTHER, role: 'facilitator' },
    starter,
    { hide: true, readHidden: true },
  ],
  [
    'its author, a facilitator',
    { id: AUTHOR, role: 'facilitator' },
    reply,
    { edit: true, delete: true, hide: true, readHidden: true, markAnswer: true },
  ],
  ['a visitor', { id: OTHER, role: 'visitor' }, reply, {}],
  ['nobody signed in', { id: null, role: null }, reply, {}],
];

describe('messageAbilities', () => {
  it.each(cases)('%s', (_name, viewer, message, allowed) => {
    expect(messageAbilities(viewer, message, thread)).toEqual({
      ...NONE,
      ...allowed,
    });
  });

  it('allows nothing about the thread when the thread is not known', () => {
    expect(messageAbilities({ id: ASKER, role: 'member' }, reply, null).markAnswer).toBe(false);
  });
});
