import { useEffect } from 'react';
import type { OpenDayPass } from '@common-ground/shared';

const DAY_MS = 24 * 3600_000;

/** Calls `changed` when the pass's phase is due to change (the live room opening or closing), if within a day. */
export function usePhaseChange(pass: OpenDayPass | null, changed: () => void): void {
  useEffect(() => {
    if (!pass) return;
    const { liveFrom, liveUntil, afterUntil } = pass.openDay.times;
    const next = [liveFrom, liveUntil, afterUntil]
      .map((iso) => Date.parse(iso) - Date.now())
      .find((wait) => wait > 0);
    if (next === undefined || next > DAY_MS) return;
    const timer = setTimeout(changed, next + 1000);
    return () => clearTimeout(timer);
  }, [pass, changed]);
}
