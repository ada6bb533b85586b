import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { trusted } from '../database/trusted.ts';
import { RateLimitSlotModel } from '../models/RateLimitSlot.ts';

/** A claimed place in a sliding window; `release()` gives it back (a sign-in that succeeded does not count). */
export type SlidingClaim =
  { allowed: true; release(): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/** Expired slot versions are kept this long, far beyond any claim's read-then-insert, before they are swept. */
const SWEEP_GRACE_MS = 24 * 60 * 60_000;

/**
 * Claims one of `limit` numbered slots for `key`, each held for `windowMs` from the moment it was claimed: at most
 * `limit` hits in any `windowMs`, with no burst at a window boundary (a fixed window lets twice the limit through
 * around one). A slot is taken only by inserting its next version under a unique `_id`, the one write that stays
 * atomic under concurrency on FerretDB 1.24 as on MongoDB: two claimants of the same expired slot race for the same
 * new version, and one loses. Nothing is ever overwritten or deleted while it may still be read as current.
 */
export async function claimSlidingSlot(
  bucket: string,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<SlidingClaim> {
  const scope = `${bucket}:${key}`;
  const held = await RateLimitSlotModel.find({ scope }, { slot: 1, version: 1, expiresAt: 1 }).lean();
  const latest = new Map<number, { version: number; until: number }>();
  for (const entry of held) {
    const current = latest.get(entry.slot);
    if (!current || entry.version > current.version)
      latest.set(entry.slot, { version: entry.version, until: entry.expiresAt.getTime() });
  }
  for (let slot = 1; slot <= limit; slot += 1) {
    const current = latest.get(slot);
    if (current && current.until > now) continue;
    const version = current ? current.version + 1 : 0;
    const id = `${scope}:s${slot}:v${version}`;
    try {
      await RateLimitSlotModel.create({ _id: id, scope, slot, version, expiresAt: new Date(now + windowMs) });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    return {
      allowed: true,
      release: async () => {
        await RateLimitSlotModel.deleteOne({ _id: id });
      },
    };
  }
  const busy = [...latest.values()].map((entry) => entry.until).filter((until) => until > now);
  const soonest = busy.length ? Math.min(...busy) : now + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((soonest - now) / 1000)) };
}

/** Deletes slot versions that expired long ago (never the ones a claim may still be reading). */
export async function sweepRateLimitSlots(now = Date.now()): Promise<void> {
  await RateLimitSlotModel.deleteMany({ expiresAt: trusted({ $lt: new Date(now - SWEEP_GRACE_MS) }) });
}
