/** The digest periods current at a moment: each names the day, or the week (by its Monday), it belongs to. */
export interface DigestPeriods {
  /** e.g. `daily:2026-11-30`. */
  daily: string;
  /** e.g. `weekly:2026-11-30`, the Monday that starts the week. */
  weekly: string;
}

const DAY_MS = 24 * 60 * 60_000;
const isoDay = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/**
 * The daily and weekly periods `now` falls in, where a day starts at `sendHour` o'clock in `timeZone` (the UK by
 * default, so summer time moves nothing) and a week on Monday at that hour. Before 07:00 on a Tuesday, say, the
 * current daily period is still Monday's: its digest is due from Monday 07:00 until it has been sent.
 */
export function digestPeriodsAt(now: Date, sendHour: number, timeZone = 'Europe/London'): DigestPeriods {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  let day = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  if (Number(parts.hour) < sendHour) day -= DAY_MS;
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return { daily: `daily:${isoDay(day)}`, weekly: `weekly:${isoDay(day - sinceMonday * DAY_MS)}` };
}
