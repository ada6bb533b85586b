import type { AccessMark } from '../access/ConnectionAccess.ts';
import type { UpgradeDecision } from './authorizeUpgrade.ts';

type Admission = Extract<UpgradeDecision, { ok: true }>;

interface Entry {
  decision: Promise<UpgradeDecision>;
  /** Where in the access-change stream the decision's authorisation started. */
  authorisedFrom: AccessMark;
  expiresAt: number;
}

/**
 * Recent admissions to /collab by session and document, so that a burst of upgrades from one browser (a reconnect
 * after a network blip, many tabs, a benchmark's clients) costs one set of policy queries, not one per socket.
 * Concurrent upgrades share one pending decision. A reused decision keeps the access mark from when it was made, so
 * ConnectionAccess re-checks the new connection if any access change touching its caller arrived since: a cached
 * admission is never more permissive than an uncached one that raced the same change. Only admissions are kept;
 * refusals are decided afresh each time.
 */
export class AdmissionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly isStale: (admission: Admission, authorisedFrom: AccessMark) => boolean,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached or pending decision for this session and document, or a new one from `decide`. */
  async admit(
    key: string,
    mark: () => AccessMark,
    decide: () => Promise<UpgradeDecision>,
  ): Promise<{ decision: UpgradeDecision; authorisedFrom: AccessMark }> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) {
      const decision = await entry.decision;
      if (decision.ok && !this.isStale(decision, entry.authorisedFrom))
        return { decision, authorisedFrom: entry.authorisedFrom };
      if (this.entries.get(key) === entry) this.entries.delete(key);
    }
    const authorisedFrom = mark();
    const fresh: Entry = { decision: decide(), authorisedFrom, expiresAt: now + this.ttlMs };
    if (this.ttlMs > 0) this.remember(key, fresh);
    try {
      const decision = await fresh.decision;
      if (!decision.ok && this.entries.get(key) === fresh) this.entries.delete(key);
      return { decision, authorisedFrom };
    } catch (error) {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
      throw error;
    }
  }

  private remember(key: string, entry: Entry): void {
    if (this.entries.size >= this.maxEntries) {
      const now = Date.now();
      for (const [other, { expiresAt }] of this.entries) if (expiresAt <= now) this.entries.delete(other);
      // Still full of live entries: forget the oldest (Map keeps insertion order).
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
  }
}
