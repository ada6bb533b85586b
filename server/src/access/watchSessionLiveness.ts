import type { Caller } from '../auth/Caller.ts';
import { callerFromSessionId } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onEnded` once when an open connection's session can no longer be used: at its expiry time (session or
 * visitor pass), or when a periodic re-check finds it gone (idle expiry, or ended where no event reached us).
 * Returns the function that stops watching.
 */
export function watchSessionLiveness(
  caller: Caller,
  env: Pick<Env, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'SESSION_RECHECK_SECONDS'>,
  onEnded: () => void,
): () => void {
  let stopped = false;
  const end = () => {
    if (stopped) return;
    stop();
    onEnded();
  };
  const untilExpiry = caller.expiresAt.getTime() - Date.now();
  const expiryTimer = untilExpiry <= MAX_TIMER_MS ? setTimeout(end, Math.max(0, untilExpiry)) : null;
  expiryTimer?.unref();
  const recheck = setInterval(() => {
    void callerFromSessionId(caller.sessionId, env, { touch: false })
      .then((current) => {
        if (!current) end();
      })
      .catch(() => undefined);
  }, env.SESSION_RECHECK_SECONDS * 1000);
  recheck.unref();
  function stop() {
    stopped = true;
    if (expiryTimer) clearTimeout(expiryTimer);
    clearInterval(recheck);
  }
  return stop;
}
