import type { Logger } from '../logger.ts';
import { sweepExpiredSessions } from '../auth/sessionStore.ts';
import { sweepRateLimitCounters } from '../middlewares/rateLimit.ts';
import { sweepRateLimitSlots } from '../rateLimits/claimSlidingSlot.ts';
import { sweepDigestClaims } from '../digest/claimDigest.ts';
import { eraseEndedVisitorNames } from '../jobs/visitorNameEraser.ts';

const EVERY_MS = 5 * 60_000;

/**
 * Expires sessions, rate-limit counters and old digest claims in application code (no TTL indexes), and erases the
 * names visitors gave once their pass ended, every few minutes.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly logger: Logger) {}

  /** Starts the periodic sweep. */
  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  /** Runs one sweep now. */
  async sweep(): Promise<void> {
    try {
      const sessions = await sweepExpiredSessions();
      await sweepRateLimitCounters();
      await sweepRateLimitSlots();
      await sweepDigestClaims();
      const passes = await eraseEndedVisitorNames();
      if (passes) this.logger.debug({ passes }, 'visitor names of ended passes erased');
      if (sessions) this.logger.debug({ sessions }, 'expired sessions removed');
    } catch (error) {
      this.logger.warn({ err: error }, 'housekeeping sweep failed; will retry');
    }
  }

  /** Stops the sweep. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
