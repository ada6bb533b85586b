import type { Request, RequestHandler } from 'express';
import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import { RateLimitCounterModel } from '../models/RateLimitCounter.ts';
import { trusted } from '../database/trusted.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { claimSlidingSlot } from '../rateLimits/claimSlidingSlot.ts';

/**
 * Counts one hit in a fixed window shared by every instance; returns whether it is within the limit.
 *
 * Each allowed hit claims its own numbered slot document. A unique `_id` insert is the one write that stays atomic
 * under concurrency on FerretDB 1.24 as on MongoDB (there, concurrent `$inc` upserts lost counts and raced into
 * duplicate-key errors), so no more than `limit` hits per window can ever be let through.
 */
export async function hitRateLimit(
  bucket: string,
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = Date.now();
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const retryAfterSeconds = Math.ceil((windowStart + windowMs - now) / 1000);
  const prefix = `${bucket}:${key}:${windowStart}`;
  const slotIds = Array.from({ length: limit }, (_, index) => `${prefix}:${index + 1}`);
  const taken = await RateLimitCounterModel.countDocuments({ _id: trusted({ $in: slotIds }) });
  for (let slot = taken + 1; slot <= limit; slot += 1) {
    try {
      await RateLimitCounterModel.create({
        _id: `${prefix}:${slot}`,
        count: 1,
        expiresAt: new Date(windowStart + windowMs),
      });
      return { allowed: true, retryAfterSeconds };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return { allowed: false, retryAfterSeconds };
}

/** Refuses requests past `limit` in any `windowMs` (sliding) for the key (by default the client's IP) with a 429. */
export function rateLimit(
  env: Env,
  options: { bucket: string; limit: number; windowMs: number; key?: (req: Request) => string },
): RequestHandler {
  return async (req, _res, next) => {
    if (env.DISABLE_RATE_LIMITS) return next();
    const key = options.key?.(req) ?? req.ip ?? 'unknown';
    const claim = await claimSlidingSlot(options.bucket, key, options.limit, options.windowMs);
    if (!claim.allowed) {
      const { retryAfterSeconds } = claim;
      return next(
        new AppError('rate_limited', 'Too many attempts. Please wait and try again.', { retryAfterSeconds }),
      );
    }
    next();
  };
}

/** Deletes counters whose window has passed. */
export async function sweepRateLimitCounters(now = new Date()): Promise<void> {
  await RateLimitCounterModel.deleteMany({ expiresAt: trusted({ $lte: now }) });
}
