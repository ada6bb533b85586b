import { callerFromSessionId } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';

/**
 * The one timer that watches a session with open connections: it fires at the session's expiry time (session or
 * visitor pass) or every SESSION_RECHECK_SECONDS, whichever comes first, and calls `onEnded` once when the session
 * has expired or a re-check finds it gone (idle expiry, or ended where no event reached this instance).
 */
export class SessionLiveness {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly sessionId: string,
    private expiresAt: Date,
    private readonly env: Pick<
      Env,
      'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'SESSION_RECHECK_SECONDS'
    >,
    private readonly onEnded: () => void,
  ) {
    this.schedule();
  }

  /** Takes a connection's expiry into account; the session's connections close at the earliest one. */
  noteExpiry(expiresAt: Date): void {
    if (expiresAt >= this.expiresAt) return;
    this.expiresAt = expiresAt;
    this.schedule();
  }

  /** Stops watching; `onEnded` is not called after this. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const untilExpiry = Math.max(0, this.expiresAt.getTime() - Date.now());
    this.timer = setTimeout(
      () => void this.check(),
      Math.min(untilExpiry, this.env.SESSION_RECHECK_SECONDS * 1000),
    );
    this.timer.unref();
  }

  private async check(): Promise<void> {
    this.timer = null;
    if (Date.now() >= this.expiresAt.getTime()) return this.end();
    const current = await callerFromSessionId(this.sessionId, this.env, { touch: false }).catch(
      () => undefined,
    );
    if (this.stopped) return;
    if (current === null) return this.end();
    this.schedule();
  }

  private end(): void {
    if (this.stopped) return;
    this.stop();
    this.onEnded();
  }
}
