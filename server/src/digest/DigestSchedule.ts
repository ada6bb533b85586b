import type { DigestFrequency } from '@common-ground/shared';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/Mailer.ts';
import { digestEmail } from '../mail/templates/digestEmail.ts';
import { unsubscribeLinkFor } from '../mail/unsubscribeLinkFor.ts';
import { MembershipModel } from '../models/Membership.ts';
import { UserModel } from '../models/User.ts';
import { digestFrequencies } from '../queries/mailPreferences.ts';
import { buildDigest } from './buildDigest.ts';
import { claimDigest, finishDigestClaim, latestClaims } from './claimDigest.ts';
import { digestPeriodsAt } from './digestPeriods.ts';

/** What one round did, person by person. */
export interface DigestRound {
  sent: number;
  /** Claimed, but nothing was new: no email. */
  empty: number;
  failed: number;
}

/**
 * Sends each person's digest on the schedule they chose (off, daily or weekly), from a timer in every instance. Each
 * round works out the current daily and weekly periods (from `DIGEST_HOUR`, UK time), and for each person whose
 * digest for their period is not yet done, claims it with a unique insert before building and sending it (see
 * claimDigest.ts), so however many instances run rounds at once, each person gets one digest per period.
 */
export class DigestSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DigestRound> | null = null;

  constructor(
    private readonly options: {
      mailer: Mailer;
      logger: Logger;
      /** The origin of links in the digest. */
      origin: string;
      /** The hour (UK time) from which a day's digest, and on Mondays the week's, is due. */
      sendHour: number;
      /** Milliseconds between rounds; 0 never starts the timer. */
      checkEveryMs: number;
      /** The time a round runs at; tests move it. */
      clock?: () => Date;
    },
  ) {}

  /** Starts the rounds on a timer (not at all without a mail transport or with `checkEveryMs` 0). */
  start(): void {
    const { checkEveryMs, mailer, logger } = this.options;
    if (checkEveryMs <= 0 || !mailer.canSend || this.timer) return;
    this.timer = setInterval(() => {
      // A round still going when the next is due is left to finish: the next timer tick tries again.
      if (this.running) return;
      this.tick().catch((error: unknown) => logger.error({ err: error }, 'digest round failed'));
    }, checkEveryMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Runs one round now (at the clock's time, or `now`). */
  async tick(now: Date = this.options.clock?.() ?? new Date()): Promise<DigestRound> {
    this.running = this.round(now);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async round(now: Date): Promise<DigestRound> {
    const result: DigestRound = { sent: 0, empty: 0, failed: 0 };
    if (!this.options.mailer.canSend) return result;
    const periods = digestPeriodsAt(now, this.options.sendHour);
    const userIds = (await MembershipModel.distinct('userId')).map(String);
    const frequencies = await digestFrequencies(userIds);
    const claims = await latestClaims([periods.daily, periods.weekly]);
    for (const [userId, frequency] of frequencies) {
      if (frequency === 'off') continue;
      const period = periods[frequency];
      const previous = claims.get(`${userId}:${period}`);
      if (previous && previous.outcome !== 'failed') continue;
      const attempt = await claimDigest(userId, period, previous, now);
      if (attempt === null) continue;
      const outcome = await this.sendOne(userId, frequency, now).catch((error: unknown) => {
        this.options.logger.error({ err: error, userId, period, attempt }, 'digest not sent');
        return 'failed' as const;
      });
      await finishDigestClaim(userId, period, attempt, outcome, now);
      result[outcome === 'sent' ? 'sent' : outcome === 'empty' ? 'empty' : 'failed']++;
    }
    return result;
  }

  private async sendOne(
    userId: string,
    frequency: Exclude<DigestFrequency, 'off'>,
    now: Date,
  ): Promise<'sent' | 'empty'> {
    const [digest, user] = await Promise.all([
      buildDigest(userId, now),
      UserModel.findById(userId, { email: 1 }).lean(),
    ]);
    if (!user || digest.rooms.length === 0) return 'empty';
    const { origin } = this.options;
    await this.options.mailer.send(
      digestEmail({
        to: user.email,
        frequency,
        digest,
        origin,
        unsubscribe: await unsubscribeLinkFor(userId, 'digest', origin),
      }),
    );
    return 'sent';
  }
}
