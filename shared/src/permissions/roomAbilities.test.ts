import { describe, expect, it } from 'vitest';
import type { Role } from './roles.ts';
import { roomAbilities, type RoomAbilities } from './roomAbilities.ts';

const cases: [Role | null, RoomAbilities][] = [
  ['facilitator', { post: true, askQuestion: true, moderate: true, mention: true }],
  ['member', { post: true, askQuestion: true, moderate: false, mention: true }],
  ['observer', { post: false, askQuestion: false, moderate: false, mention: true }],
  ['visitor', { post: false, askQuestion: false, moderate: false, mention: false }],
  [null, { post: false, askQuestion: false, moderate: false, mention: false }],
];

describe('roomAbilities', () => {
  it.each(cases)('%s', (role, expected) => {
    expect(roomAbilities(role)).toEqual(expected);
  });
});
