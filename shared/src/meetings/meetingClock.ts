import type { MeetingTimer } from '../schemas/meetings.ts';

/**
 * Seconds left on the server's clock at the server's `now` (never below zero); `null` without a timer. A client adds
 * the time passed on its own clock since it received `now`, so a late joiner, a reload and a reconnect all agree.
 */
export function remainingSeconds(timer: MeetingTimer | null, now: Date | string | number): number | null {
  if (!timer) return null;
  const at = timer.pausedAt ? Date.parse(timer.pausedAt) : new Date(now).getTime();
  const elapsed = (at - Date.parse(timer.startedAt)) / 1000;
  return Math.max(0, timer.durationSeconds - elapsed);
}

/** What a screen reader is told as time runs out: once at the warning, once at zero, never every second. */
export type ClockAnnouncement = 'warning' | 'zero' | null;

/**
 * Which announcement to make when the clock goes from `before` to `after` seconds left (whole seconds shown), with the
 * warning at `warningSeconds`. Only a crossing announces, so a repaint every second says nothing new.
 */
export function clockAnnouncement(
  before: number | null,
  after: number | null,
  warningSeconds: number,
): ClockAnnouncement {
  if (before === null || after === null || after >= before) return null;
  if (after <= 0 && before > 0) return 'zero';
  if (after <= warningSeconds && before > warningSeconds) return 'warning';
  return null;
}

/** Seconds as `m:ss`, or `h:mm:ss` past an hour. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
