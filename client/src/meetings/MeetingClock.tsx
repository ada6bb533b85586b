import { useEffect, useRef, useState } from 'react';
import {
  clockAnnouncement,
  formatClock,
  MEETING_LIMITS,
  remainingSeconds,
  type Meeting,
} from '@common-ground/shared';

const ANNOUNCEMENTS = {
  warning: 'Two minutes left in this stage.',
  zero: 'Time is up for this stage.',
} as const;

/**
 * The stage's clock, computed from the server's timer and `now` (so every screen agrees), repainted every second but
 * never read out every second: a polite live region speaks once at two minutes left and once at zero.
 */
export function MeetingClock({ meeting, offsetMs }: { meeting: Meeting; offsetMs: number }) {
  const { timer } = meeting;
  const read = () => remainingSeconds(timer, Date.now() + offsetMs);
  const [left, setLeft] = useState(read);
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef<{ stageId: string | null; seconds: number | null }>({ stageId: null, seconds: null });

  useEffect(() => {
    const tick = () => {
      const now = read();
      setLeft(now);
      const whole = now === null ? null : Math.ceil(now);
      const sameStage = shown.current.stageId === (timer?.stageId ?? null);
      // A new stage starts with nothing said; what was said about the last one no longer stands.
      if (!sameStage && shown.current.stageId !== null && timer) setAnnouncement('');
      const before = sameStage ? shown.current.seconds : null;
      const said = clockAnnouncement(before, whole, MEETING_LIMITS.warningSeconds);
      if (said) setAnnouncement(ANNOUNCEMENTS[said]);
      // Time added after a warning: the warning no longer stands (clearing a live region says nothing).
      else if (whole !== null && whole > MEETING_LIMITS.warningSeconds) setAnnouncement('');
      shown.current = { stageId: timer?.stageId ?? null, seconds: whole };
    };
    tick();
    const interval = setInterval(tick, 250);
    return () => clearInterval(interval);
    // read() depends only on timer and offsetMs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timer, offsetMs]);

  return (
    <div className="meeting-clock">
      {meeting.clockHidden && !timer ? (
        <p data-testid="clock-hidden">The presenter has hidden the clock for their slot.</p>
      ) : left === null ? (
        <p>The clock has not started.</p>
      ) : (
        <p>
          Time left in this stage:{' '}
          <strong
            className={left <= MEETING_LIMITS.warningSeconds ? 'clock-time clock-low' : 'clock-time'}
            data-testid="clock"
          >
            {formatClock(left)}
          </strong>
          {timer?.pausedAt ? ' (paused)' : ''}
          {meeting.clockHidden ? ' (hidden from everyone else)' : ''}
        </p>
      )}
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="clock-announcement">
        {announcement}
      </div>
    </div>
  );
}
