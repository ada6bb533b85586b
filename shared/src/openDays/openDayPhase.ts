import { OPEN_DAY_LIMITS } from '../limits.ts';
import type { OpenDayPhase, OpenDayTimes } from '../schemas/openDays.ts';

/** The open day's window as stored; `cancelledAt` set means cancelled. */
export interface OpenDayWindow {
  startsAt: Date;
  endsAt: Date;
  cancelledAt?: Date | null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** When each phase starts and ends: live from 30 minutes before to 30 minutes after, then 14 days of after. */
export function openDayTimes(window: OpenDayWindow): OpenDayTimes {
  const liveFrom = new Date(window.startsAt.getTime() - OPEN_DAY_LIMITS.liveMarginMinutes * MINUTE);
  const liveUntil = new Date(window.endsAt.getTime() + OPEN_DAY_LIMITS.liveMarginMinutes * MINUTE);
  const afterUntil = new Date(liveUntil.getTime() + OPEN_DAY_LIMITS.afterPhaseDays * DAY);
  return {
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    liveFrom: liveFrom.toISOString(),
    liveUntil: liveUntil.toISOString(),
    afterUntil: afterUntil.toISOString(),
  };
}

/** The phase an open day is in at `now`: before, live, after, ended, or cancelled whatever the time. */
export function openDayPhase(window: OpenDayWindow, now: Date): OpenDayPhase {
  if (window.cancelledAt) return 'cancelled';
  const times = openDayTimes(window);
  const at = now.getTime();
  if (at < Date.parse(times.liveFrom)) return 'before';
  if (at < Date.parse(times.liveUntil)) return 'live';
  if (at < Date.parse(times.afterUntil)) return 'after';
  return 'ended';
}
