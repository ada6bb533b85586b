import { describe, expect, it } from 'vitest';
import { clockAnnouncement, formatClock, remainingSeconds } from './meetingClock.ts';

const startedAt = '2026-01-01T10:00:00.000Z';

describe('remainingSeconds', () => {
  it.each([
    ['no timer', null, startedAt, null],
    ['at the start', { stageId: 's', startedAt, durationSeconds: 600 }, startedAt, 600],
    ['a minute in', { stageId: 's', startedAt, durationSeconds: 600 }, '2026-01-01T10:01:00.000Z', 540],
    ['past the end', { stageId: 's', startedAt, durationSeconds: 60 }, '2026-01-01T10:05:00.000Z', 0],
    [
      'paused: time stands at the pause',
      { stageId: 's', startedAt, pausedAt: '2026-01-01T10:02:00.000Z', durationSeconds: 600 },
      '2026-01-01T11:00:00.000Z',
      480,
    ],
  ] as const)('%s', (_name, timer, now, expected) => {
    expect(remainingSeconds(timer, now)).toBe(expected);
  });
});

describe('clockAnnouncement', () => {
  it.each([
    ['crossing two minutes', 121, 120, 'warning'],
    ['jumping past two minutes', 125, 100, 'warning'],
    ['ticking under two minutes', 119, 118, null],
    ['ticking above two minutes', 300, 299, null],
    ['reaching zero', 1, 0, 'zero'],
    ['jumping from above the warning to zero', 200, 0, 'zero'],
    ['staying at zero', 0, 0, null],
    ['time added back above the warning', 100, 400, null],
    ['no clock', null, 100, null],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(clockAnnouncement(before, after, 120)).toBe(expected);
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [59.2, '1:00'],
    [125, '2:05'],
    [3725, '1:02:05'],
  ] as const)('%s seconds', (seconds, expected) => expect(formatClock(seconds)).toBe(expected));
});
