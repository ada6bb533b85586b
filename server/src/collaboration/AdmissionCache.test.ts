import { describe, expect, it } from 'vitest';
import type { AccessMark } from '../access/ConnectionAccess.ts';
import type { Caller } from '../auth/Caller.ts';
import { AdmissionCache } from './AdmissionCache.ts';
import type { UpgradeDecision } from './authorizeUpgrade.ts';

const caller = { kind: 'user', sessionId: 's1' } as unknown as Caller;
const admitted: UpgradeDecision = {
  ok: true,
  caller,
  role: 'member',
  documentId: 'd1',
  communityId: 'c1',
};

function counting(decision: UpgradeDecision) {
  const calls = { count: 0 };
  const decide = async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return decision;
  };
  return { calls, decide };
}

let seq = 0;
const mark = () => ++seq as AccessMark;

describe('AdmissionCache', () => {
  it('lets concurrent upgrades of one session and document share one decision', async () => {
    const cache = new AdmissionCache(5_000, () => false);
    const { calls, decide } = counting(admitted);
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.admit('s1:d1', mark, decide)));
    expect(calls.count).toBe(1);
    expect(results.every((result) => result.decision.ok)).toBe(true);
    // Every reuse keeps the mark of the one authorisation, so a change since then still re-checks the connection.
    expect(new Set(results.map((result) => result.authorisedFrom)).size).toBe(1);
  });

  it('keeps sessions and documents apart', async () => {
    const cache = new AdmissionCache(5_000, () => false);
    const { calls, decide } = counting(admitted);
    await cache.admit('s1:d1', mark, decide);
    await cache.admit('s1:d2', mark, decide);
    await cache.admit('s2:d1', mark, decide);
    expect(calls.count).toBe(3);
  });

  it('decides refusals afresh every time', async () => {
    const cache = new AdmissionCache(5_000, () => false);
    const { calls, decide } = counting({ ok: false, status: 404 });
    await cache.admit('s1:d1', mark, decide);
    await cache.admit('s1:d1', mark, decide);
    expect(calls.count).toBe(2);
  });

  it('decides again once an access change touched the caller after the cached decision', async () => {
    let changed = false;
    const cache = new AdmissionCache(5_000, () => changed);
    const { calls, decide } = counting(admitted);
    const first = await cache.admit('s1:d1', mark, decide);
    changed = true;
    const second = await cache.admit('s1:d1', mark, decide);
    expect(calls.count).toBe(2);
    expect(second.authorisedFrom).toBeGreaterThan(first.authorisedFrom);
  });

  it('forgets an admission after its time', async () => {
    const cache = new AdmissionCache(10, () => false);
    const { calls, decide } = counting(admitted);
    await cache.admit('s1:d1', mark, decide);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cache.admit('s1:d1', mark, decide);
    expect(calls.count).toBe(2);
  });

  it('does not keep a decision that failed', async () => {
    const cache = new AdmissionCache(5_000, () => false);
    let calls = 0;
    const failing = async (): Promise<UpgradeDecision> => {
      calls++;
      throw new Error('database down');
    };
    await expect(cache.admit('s1:d1', mark, failing)).rejects.toThrow('database down');
    await expect(cache.admit('s1:d1', mark, failing)).rejects.toThrow('database down');
    expect(calls).toBe(2);
  });
});
