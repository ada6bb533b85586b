import { describe, expect, it } from 'vitest';
import { digestPeriodsAt } from './digestPeriods.ts';

describe('digestPeriodsAt', () => {
  it.each([
    // Monday 30 November 2026, UK winter time (UTC+0).
    ['2026-11-30T07:00:00Z', 'daily:2026-11-30', 'weekly:2026-11-30'],
    ['2026-11-30T06:59:59Z', 'daily:2026-11-29', 'weekly:2026-11-23'],
    ['2026-12-01T12:00:00Z', 'daily:2026-12-01', 'weekly:2026-11-30'],
    ['2026-12-06T23:30:00Z', 'daily:2026-12-06', 'weekly:2026-11-30'],
    // Summer time (UTC+1): 06:30 UTC is already 07:30 in London.
    ['2026-06-01T06:30:00Z', 'daily:2026-06-01', 'weekly:2026-06-01'],
    ['2026-06-01T05:30:00Z', 'daily:2026-05-31', 'weekly:2026-05-25'],
    // Across a year's end.
    ['2027-01-01T08:00:00Z', 'daily:2027-01-01', 'weekly:2026-12-28'],
  ])('at %s the periods are %s and %s', (at, daily, weekly) => {
    expect(digestPeriodsAt(new Date(at), 7)).toEqual({ daily, weekly });
  });
});
