import { describe, expect, it } from 'vitest';
import { engagementFigures, lastTwelveMonths, lastTwoWayContact, median } from './engagementFigures.ts';

const at = (iso: string) => new Date(iso);

describe('lastTwoWayContact', () => {
  const cases: [string, { organisationId: string; at: string; twoWay?: boolean }[], string | null][] = [
    ['nobody has done anything', [], null],
    ['only the source has been heard from', [{ organisationId: 's', at: '2026-01-10T00:00:00Z' }], null],
    [
      'both sides: the earlier of their latest',
      [
        { organisationId: 's', at: '2026-01-20T00:00:00Z' },
        { organisationId: 'r1', at: '2026-01-05T00:00:00Z' },
        { organisationId: 's', at: '2026-01-01T00:00:00Z' },
      ],
      '2026-01-05T00:00:00.000Z',
    ],
    [
      'a logged contact counts for both sides',
      [
        { organisationId: 's', at: '2026-01-20T00:00:00Z' },
        { organisationId: 'r1', at: '2026-01-05T00:00:00Z' },
        { organisationId: 'r2', at: '2026-01-15T00:00:00Z', twoWay: true },
      ],
      '2026-01-15T00:00:00.000Z',
    ],
    [
      'people from neither side do not count',
      [
        { organisationId: 's', at: '2026-01-20T00:00:00Z' },
        { organisationId: 'elsewhere', at: '2026-01-21T00:00:00Z', twoWay: true },
      ],
      null,
    ],
  ];
  it.each(cases)('%s', (_name, activities, expected) => {
    const found = lastTwoWayContact(
      activities.map((activity) => ({ ...activity, at: at(activity.at) })),
      's',
      ['r1', 'r2'],
    );
    expect(found?.toISOString() ?? null).toBe(expected);
  });
});

describe('engagementFigures', () => {
  it('counts whole days, months per organisation, the median wait and overdue questions', () => {
    const figures = engagementFigures({
      now: at('2026-03-15T12:00:00Z'),
      sourceOrganisationId: 's',
      recipientOrganisationIds: ['r'],
      activities: [
        { organisationId: 's', at: at('2026-03-01T12:00:00Z') },
        { organisationId: 'r', at: at('2026-02-20T13:00:00Z') },
        { organisationId: 'r', at: at('2026-02-01T00:00:00Z') },
        { organisationId: 's', at: at('2025-03-31T23:59:59Z') },
        { organisationId: 's', at: at('2025-04-01T00:00:00Z') },
      ],
      questions: [
        { askedAt: at('2026-03-01T00:00:00Z'), firstAnswerAt: at('2026-03-01T02:00:00Z') },
        { askedAt: at('2026-03-02T00:00:00Z'), firstAnswerAt: at('2026-03-02T04:30:00Z') },
        { askedAt: at('2026-03-03T00:00:00Z'), firstAnswerAt: at('2026-03-04T00:00:00Z') },
        { askedAt: at('2026-03-08T11:59:00Z'), firstAnswerAt: null },
        { askedAt: at('2026-03-08T12:01:00Z'), firstAnswerAt: null },
      ],
    });
    expect(figures.lastTwoWayContactAt?.toISOString()).toBe('2026-02-20T13:00:00.000Z');
    expect(figures.daysSinceTwoWayContact).toBe(22);
    expect(figures.months.map((m) => m.month)).toEqual(lastTwelveMonths(at('2026-03-15T12:00:00Z')));
    expect(figures.months[0]).toEqual({
      month: '2025-04',
      counts: [
        { organisationId: 's', count: 1 },
        { organisationId: 'r', count: 0 },
      ],
    });
    expect(figures.months[10]!.counts).toEqual([
      { organisationId: 's', count: 0 },
      { organisationId: 'r', count: 2 },
    ]);
    expect(figures.medianHoursToFirstAnswer).toBe(4.5);
    expect(figures.questionsUnansweredOver7Days).toBe(1);
  });

  it('says null where there is nothing to measure', () => {
    const figures = engagementFigures({
      now: at('2026-03-15T12:00:00Z'),
      sourceOrganisationId: 's',
      recipientOrganisationIds: ['r'],
      activities: [],
      questions: [],
    });
    expect(figures.daysSinceTwoWayContact).toBeNull();
    expect(figures.medianHoursToFirstAnswer).toBeNull();
    expect(figures.months).toHaveLength(12);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ] as [number[], number | null][])('%j gives %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('lastTwelveMonths', () => {
  it('crosses the year boundary, oldest first', () => {
    expect(lastTwelveMonths(at('2026-01-31T23:00:00Z'))).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
  });
});
