import { describe, expect, it } from 'vitest';
import { openDayPhase, openDayTimes } from './openDayPhase.ts';

const startsAt = new Date('2027-03-10T10:00:00Z');
const endsAt = new Date('2027-03-10T15:00:00Z');
const at = (iso: string) => new Date(iso);

describe('openDayPhase', () => {
  it.each([
    ['2027-03-10T09:29:59Z', 'before'],
    ['2027-03-10T09:30:00Z', 'live'],
    ['2027-03-10T15:29:59Z', 'live'],
    ['2027-03-10T15:30:00Z', 'after'],
    ['2027-03-24T15:29:59Z', 'after'],
    ['2027-03-24T15:30:00Z', 'ended'],
  ])('at %s is %s', (now, phase) => {
    expect(openDayPhase({ startsAt, endsAt }, at(now))).toBe(phase);
  });

  it('is cancelled whatever the time once cancelled', () => {
    expect(openDayPhase({ startsAt, endsAt, cancelledAt: at('2027-03-01T00:00:00Z') }, startsAt)).toBe(
      'cancelled',
    );
  });

  it('gives every phase boundary', () => {
    expect(openDayTimes({ startsAt, endsAt })).toEqual({
      startsAt: '2027-03-10T10:00:00.000Z',
      endsAt: '2027-03-10T15:00:00.000Z',
      liveFrom: '2027-03-10T09:30:00.000Z',
      liveUntil: '2027-03-10T15:30:00.000Z',
      afterUntil: '2027-03-24T15:30:00.000Z',
    });
  });
});
