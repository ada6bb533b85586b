import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { trusted } from '../database/trusted.ts';
import { DigestClaimModel } from '../models/DigestClaim.ts';

/** A send that failed is tried again, by one instance, up to this many attempts in all. */
export const DIGEST_MAX_ATTEMPTS = 3;
/** How long after a failure the next attempt may be claimed. */
export const DIGEST_RETRY_AFTER_MS = 15 * 60_000;

/** The latest claim of each person for some periods, keyed `${userId}:${period}`. */
export async function latestClaims(
  periods: string[],
): Promise<Map<string, { attempt: number; outcome: string; finishedAt: Date | null }>> {
  const claims = await DigestClaimModel.find(
    { period: trusted({ $in: periods }) },
    { userId: 1, period: 1, attempt: 1, outcome: 1, finishedAt: 1 },
  ).lean();
  const latest = new Map<string, { attempt: number; outcome: string; finishedAt: Date | null }>();
  for (const claim of claims) {
    const key = `${String(claim.userId)}:${claim.period}`;
    const current = latest.get(key);
    if (!current || claim.attempt > current.attempt)
      latest.set(key, {
        attempt: claim.attempt,
        outcome: claim.outcome,
        finishedAt: claim.finishedAt ?? null,
      });
  }
  return latest;
}

/**
 * Claims the right to send one person's digest for one period, or returns null when another instance has it, it was
 * sent (or had nothing in it), or its attempts are spent. The claim is a unique insert made BEFORE sending, the one
 * write that is atomic on FerretDB as on MongoDB: of several instances, exactly one wins each attempt.
 *
 * A failed send is recorded, and a later round may claim the next attempt. An instance that dies between claim and
 * send leaves its claim `claimed`, which is never retried: a missed digest is better than two of them.
 */
export async function claimDigest(
  userId: string,
  period: string,
  previous: { attempt: number; outcome: string; finishedAt: Date | null } | undefined,
  now: Date,
): Promise<number | null> {
  let attempt = 0;
  if (previous) {
    const retryable =
      previous.outcome === 'failed' &&
      previous.attempt + 1 < DIGEST_MAX_ATTEMPTS &&
      now.getTime() - (previous.finishedAt?.getTime() ?? 0) >= DIGEST_RETRY_AFTER_MS;
    if (!retryable) return null;
    attempt = previous.attempt + 1;
  }
  try {
    await DigestClaimModel.create({
      _id: `${userId}:${period}:${attempt}`,
      userId,
      period,
      attempt,
      outcome: 'claimed',
      claimedAt: now,
    });
    return attempt;
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
}

/** Records how a claimed attempt ended. */
export async function finishDigestClaim(
  userId: string,
  period: string,
  attempt: number,
  outcome: 'sent' | 'empty' | 'failed',
  at: Date,
): Promise<void> {
  await DigestClaimModel.updateOne(
    { _id: `${userId}:${period}:${attempt}` },
    { $set: { outcome, finishedAt: at } },
  );
}

/** Claims are kept this long: a period is current for at most eight days, and a month answers "was it sent?". */
const KEEP_CLAIMS_MS = 35 * 24 * 60 * 60_000;

/** Removes claims of periods long past (in application code: no TTL indexes). */
export async function sweepDigestClaims(now = Date.now()): Promise<number> {
  const { deletedCount } = await DigestClaimModel.deleteMany({
    claimedAt: trusted({ $lt: new Date(now - KEEP_CLAIMS_MS) }),
  });
  return deletedCount;
}
