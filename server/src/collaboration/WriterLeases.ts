import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

/** How long a lease lasts unless renewed; a holder that dies (kill -9) is replaced this long after its last renewal. */
export const LEASE_TTL_MS = 3_000;
/** How often a holder renews its leases. */
const RENEW_EVERY_MS = 1_000;
/** A holder stops believing it holds this long before Redis would expire the lease, so two never both write as holder. */
const SAFETY_MARGIN_MS = 300;
/** A lease command unanswered this long counts as failed (the bus is away): the caller writes directly meanwhile. */
const COMMAND_TIMEOUT_MS = 1_000;

const KEY_PREFIX = 'common-ground:writer:';

/** Takes the lease when free (or renews it when ours); returns the holder's id either way. */
const ACQUIRE = `local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;
/** Extends the lease only while it is still ours. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
/** Deletes the lease only while it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** One held lease: until when (local clock) its holder may act as the writer. */
export interface HeldLease {
  until: number;
}

/**
 * The per-document writer leases of one instance in Redis (`SET key instanceId PX ttl`, taken only when free):
 * taking one, renewing every lease held once a second, and letting go. A lease only saves contention; nothing depends
 * on it being exclusive (the unique seq index settles two writers), so every failure here means "write directly".
 */
export class WriterLeases {
  private readonly held = new Map<string, HeldLease>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {}

  /** The lease of a document if this instance holds it now, by its own conservative clock. */
  holding(documentId: string): boolean {
    const lease = this.held.get(documentId);
    return !!lease && Date.now() < lease.until;
  }

  /** Takes the lease when free; 'mine', 'other' (someone else holds it), or 'unknown' (the bus did not answer). */
  async acquire(documentId: string): Promise<'mine' | 'other' | 'unknown'> {
    if (this.redis.status !== 'ready') return 'unknown';
    const sent = Date.now();
    const holder = await this.command(
      this.redis.eval(ACQUIRE, 1, KEY_PREFIX + documentId, this.instanceId, LEASE_TTL_MS),
    );
    if (holder === null) return 'unknown';
    if (holder !== this.instanceId) return 'other';
    if (!this.held.has(documentId))
      this.logger.info({ documentId, instance: this.instanceId }, 'took the writer lease of a document');
    this.held.set(documentId, { until: sent + LEASE_TTL_MS - SAFETY_MARGIN_MS });
    this.timer ??= setInterval(() => this.renewAll(), RENEW_EVERY_MS).unref();
    return 'mine';
  }

  /** Lets go of a document's lease (if held), so another instance can take it at once; true when it was held. */
  async release(documentId: string): Promise<boolean> {
    if (!this.held.delete(documentId)) return false;
    this.stopIfIdle();
    if (this.redis.status !== 'ready') return false;
    return (await this.command(this.redis.eval(RELEASE, 1, KEY_PREFIX + documentId, this.instanceId))) === 1;
  }

  /** Stops renewing; leases held expire by themselves. */
  close(): void {
    this.held.clear();
    this.stopIfIdle();
  }

  private renewAll(): void {
    if (this.redis.status !== 'ready') return;
    for (const [documentId, lease] of this.held) {
      const sent = Date.now();
      void this.command(
        this.redis.eval(RENEW, 1, KEY_PREFIX + documentId, this.instanceId, LEASE_TTL_MS),
      ).then((renewed) => {
        if (this.held.get(documentId) !== lease) return;
        if (renewed === 1) lease.until = sent + LEASE_TTL_MS - SAFETY_MARGIN_MS;
        else if (renewed === 0) {
          // Lost (Redis restarted empty, or it expired while we could not renew): take it again when next needed.
          this.held.delete(documentId);
          this.stopIfIdle();
        }
      });
    }
  }

  private stopIfIdle(): void {
    if (this.held.size || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  private async command(work: Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise((resolve) => {
          timer = setTimeout(() => resolve(null), COMMAND_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.debug({ err: error }, 'a writer lease command failed; writing directly meanwhile');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
