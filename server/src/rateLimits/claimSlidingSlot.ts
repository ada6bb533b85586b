import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { trusted } from '../database/trusted.ts';
import { RateLimitCounterModel } from '../models/RateLimitCounter.ts';

/** A claimed place in a sliding window; `release()` gives it back (a sign-in that succeeded does not count). */
export type SlidingClaim =
  { allowed: true; release(): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims one of `limit` numbered slots for `key`, each held for `windowMs` from the moment it was claimed: at most
 * `limit` hits in any `windowMs`, with no burst at a window boundary (a fixed window lets twice the limit through
 * around one). A slot is claimed by a unique `_id` insert, the one write that stays atomic under concurrency on
 * FerretDB 1.24 as on MongoDB; an expired slot is deleted only while it is still expired, so two claimants racing
 * for it cannot both win.
 */
export async function claimSlidingSlot(
  bucket: string,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<SlidingClaim> {
  const ids = Array.from({ length: limit }, (_, index) => `${bucket}:${key}:s${index + 1}`);
  const held = await RateLimitCounterModel.find({ _id: trusted({ $in: ids }) }, { expiresAt: 1 }).lean();
  const expiry = new Map(held.map((slot) => [String(slot._id), slot.expiresAt.getTime()]));
  for (const id of ids) {
    const until = expiry.get(id);
    if (until !== undefined && until > now) continue;
    if (until !== undefined)
      await RateLimitCounterModel.deleteOne({ _id: id, expiresAt: trusted({ $lte: new Date(now) }) });
    const expiresAt = new Date(now + windowMs);
    try {
      await RateLimitCounterModel.create({ _id: id, count: 1, expiresAt });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    return {
      allowed: true,
      release: async () => {
        await RateLimitCounterModel.deleteOne({ _id: id, expiresAt });
      },
    };
  }
  const soonest = Math.min(...[...expiry.values()].filter((until) => until > now), now + windowMs);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((soonest - now) / 1000)) };
}
