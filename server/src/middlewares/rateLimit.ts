import type { Request, RequestHandler } from 'express';
import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import { RateLimitCounterModel } from '../models/RateLimitCounter.ts';
import { trusted } from '../database/trusted.ts';

/** Counts one hit in a fixed window shared by every instance; returns whether it is within the limit. */
export async function hitRateLimit(
  bucket: string,
  key: string,
  limit: number,
  windowMs: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = Date.now();
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const counter = await RateLimitCounterModel.findOneAndUpdate(
    { _id: `${bucket}:${key}:${windowStart}` },
    { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(windowStart + windowMs) } },
    { upsert: true, new: true },
  ).lean();
  return {
    allowed: (counter?.count ?? 0) <= limit,
    retryAfterSeconds: Math.ceil((windowStart + windowMs - now) / 1000),
  };
}

/** Refuses requests past `limit` per `windowMs` for the key (by default the client's IP) with a 429. */
export function rateLimit(
  env: Env,
  options: { bucket: string; limit: number; windowMs: number; key?: (req: Request) => string },
): RequestHandler {
  return async (req, _res, next) => {
    if (env.DISABLE_RATE_LIMITS) return next();
    const key = options.key?.(req) ?? req.ip ?? 'unknown';
    const { allowed, retryAfterSeconds } = await hitRateLimit(
      options.bucket,
      key,
      options.limit,
      options.windowMs,
    );
    if (!allowed) {
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
