import type { Logger } from '../logger.ts';
import { SeqConflictError, type DocumentStore } from './DocumentStore.ts';
import { DirectWriter, type DocumentWriter } from './DocumentWriter.ts';
import { LogCompaction } from './LogCompaction.ts';
import { LogPosition, type CatchUpHooks } from './LogPosition.ts';
import { nextBatch, type Batch } from './nextBatch.ts';
import type { QueuedUpdate } from './QueuedUpdate.ts';

export type { QueuedUpdate } from './QueuedUpdate.ts';

/** A batch forwarded to the lease holder, awaiting its answer (the seq that stores it, or 'write' it here). */
interface InFlight {
  batch: Batch;
  answer: Promise<number | 'write'>;
  settled: boolean;
}

/** Forwarded batches awaiting the lease holder's acknowledgement at once; later updates wait for the oldest. */
const MAX_IN_FLIGHT = 16;
const MAX_BACKOFF_MS = 5000;
/** A write still unanswered after this long is reported as `storage-retrying` (the database may be hanging). */
const SLOW_WRITE_MS = 2_000;

/** What the queue tells its document. */
export interface UpdateQueueHooks extends CatchUpHooks {
  /** A batch is durably stored at `seq` (or, when `merged` is null, only acknowledgements were waiting). */
  stored(batch: QueuedUpdate[], merged: Uint8Array | null, seq: number): void;
  /** Writes started failing (true) or recovered (false). */
  retrying(failing: boolean): void;
}

/** Pause before reading the log again after a failed catch-up read. */
const CATCH_UP_RETRY_MS = 500;

/**
 * Group commit for one document: updates that arrive while a write is in flight are merged into the next log entry,
 * so a busy document costs one insert per database round trip rather than one per keystroke. A failed write is
 * retried with backoff, holding its updates in memory; nothing is acknowledged or relayed until stored. While another
 * instance holds the document's writer lease, each batch is forwarded to it instead (several may await its answer),
 * and authors are acknowledged, in order, once the holder's entry that stores their batch has reached this document.
 */
export class UpdateQueue {
  /** Where the stored log stands here, and catching up with what other writers stored. */
  readonly log: LogPosition;
  /** The log on top of the newest snapshot, and compacting it. */
  readonly compaction: LogCompaction;
  pendingBytes = 0;
  private pending: QueuedUpdate[] = [];
  private running: Promise<void> | null = null;
  private failing = false;
  private stopped = false;
  /** Set when other instances may have stored entries we have not applied; cleared by a read of the log. */
  private behind = false;
  /** Writes here, or hands batches to the document's lease holder on another instance (see linkToPeers). */
  private writer: DocumentWriter = new DirectWriter();
  /** Forwarded batches not yet settled, oldest first; they are the first `sent` items of `pending`. */
  private readonly inFlight: InFlight[] = [];
  private sent = 0;
  /** Wakes the loop while it waits for a forward's answer, so updates arriving meanwhile are forwarded at once. */
  private wake: (() => void) | null = null;

  constructor(
    private readonly documentId: string,
    loaded: { seq: number; tailEntries: number; tailBytes: number; snapshotBytes: number },
    private readonly deps: {
      store: DocumentStore;
      logger: Logger;
      hooks: UpdateQueueHooks;
      compactEvery: { updates: number; bytes: number };
    },
  ) {
    this.compaction = new LogCompaction(documentId, loaded, {
      store: deps.store,
      logger: deps.logger,
      every: deps.compactEvery,
      captureState: () => deps.hooks.captureState(),
    });
    this.log = new LogPosition(documentId, loaded.seq, {
      store: deps.store,
      logger: deps.logger,
      hooks: deps.hooks,
      compaction: this.compaction,
    });
  }

  /** The updates accepted but not yet stored (including a batch being written), in order. */
  pendingUpdates(): Uint8Array[] {
    return this.pending.flatMap((item) => (item.update.byteLength ? [item.update] : []));
  }

  /** Whether anything is waiting to be written, or a compaction is still rewriting the stored log. */
  get idle(): boolean {
    return this.pending.length === 0 && !this.running && !this.compaction.running;
  }

  /** Routes this document's writes through `writer` (set once the room is linked to its peers). */
  useWriter(writer: DocumentWriter): void {
    this.writer = writer;
  }

  /** Never compact this document again in this process (an update could not be applied to the in-memory copy). */
  holdCompaction(): void {
    this.compaction.hold();
  }

  /** Queues an update and starts a write unless one is in flight (which then picks it up next). */
  push(item: QueuedUpdate): void {
    this.pending.push(item);
    this.pendingBytes += item.update.byteLength;
    if (this.wake) {
      // After this turn's other messages have been queued too, so they travel as one batch.
      setImmediate(this.wake);
      this.wake = null;
    }
    this.kick();
  }

  /** Resolves once everything queued so far is stored, or when `deadline` (epoch ms) passes. */
  async drain(deadline = Infinity): Promise<boolean> {
    // The document is closing: take no more forwarded updates and let another instance hold the lease.
    this.writer.retire();
    while (!this.idle) {
      if (Date.now() >= deadline) return false;
      await Promise.race([
        this.running,
        this.compaction.running,
        new Promise((resolve) => setTimeout(resolve, 50)),
      ]);
    }
    return true;
  }

  /**
   * Stops retrying; whatever is unsaved stays with its authors, who resend it when they reconnect. Server-side
   * changes (restores, templates) have no author to resend them, so their callers are told they were not stored.
   */
  stop(): void {
    this.stopped = true;
    const abandoned = new Error('the document closed before this change was stored');
    for (const item of this.pending) item.onAbandoned?.(abandoned);
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    // setImmediate lets every message already read from the sockets join the first batch.
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run())
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, documentId: this.documentId }, 'update queue failed'),
      )
      .finally(() => {
        this.running = null;
        if (this.pending.length || this.behind) this.kick();
      });
  }

  private async run(): Promise<void> {
    while ((this.pending.length || this.behind) && !this.stopped) {
      if (this.behind && !this.inFlight.length) {
        // Catching up here, between writes, keeps `seq` owned by one loop: a write in flight never races a read.
        this.behind = false;
        if (!(await this.log.catchUp())) {
          this.behind = true;
          await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
        }
        continue;
      }
      if (this.pending.length > this.sent && this.inFlight.length < MAX_IN_FLIGHT) {
        const batch = nextBatch(this.pending, this.sent);
        // Updates forwarded to us are always written here; ours go to the lease holder when another instance holds it.
        if (batch.merged && !batch.forwardIds.length && (await this.writer.route()) === 'forward') {
          this.inFlight.push(this.send(batch));
          this.sent += batch.items.length;
          continue;
        }
        // Written here only once every batch forwarded before it is settled, so `saved` grows in order.
        if (this.inFlight.length) {
          if (!(await this.settleOldest())) return;
          continue;
        }
        if (batch.merged && this.writer.tookLease() && !(await this.readWhole())) return;
        if (batch.merged && !(await this.write(batch.merged, batch.count))) return;
        this.storedHere(batch);
        continue;
      }
      if (!this.inFlight.length) return;
      // Settle the oldest forward, unless new updates arrive first: those are forwarded at once, not after it.
      const oldest = this.inFlight[0]!;
      await Promise.race([oldest.answer, new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = null;
      if (oldest.settled && !(await this.settleOldest())) return;
    }
  }

  /** Forwards a batch to the lease holder; its answer is awaited later, in order. */
  private send(batch: Batch): InFlight {
    const flight: InFlight = { batch, settled: false, answer: null! };
    // A holder that cannot store (its database is away) leaves our authors waiting: say so, as for our own writes.
    const slow = setTimeout(() => this.setFailing(true), SLOW_WRITE_MS);
    flight.answer = this.writer.forward(batch.merged!, batch.count).then((answer) => {
      clearTimeout(slow);
      flight.settled = true;
      return answer;
    });
    return flight;
  }

  private setFailing(failing: boolean): void {
    if (this.failing === failing || (failing && this.stopped)) return;
    this.failing = failing;
    this.deps.hooks.retrying(failing);
  }

  /**
   * Completes the oldest forwarded batch: once the holder's entry that stores it is applied here (the relay normally
   * brought it before the acknowledgement; else the log is read), its authors are acknowledged. When the holder went
   * away and the lease is now ours (or the bus is down), the batch is written here instead. False when stopped.
   */
  private async settleOldest(): Promise<boolean> {
    const { batch, answer } = this.inFlight[0]!;
    const seq = await answer;
    if (seq === 'write') {
      this.writer.tookLease();
      if (!(await this.readWhole()) || !(await this.write(batch.merged!, batch.count))) return false;
    } else {
      this.log.heardOf(seq);
      while (this.log.seq < seq) {
        if (this.stopped) return false;
        if (!(await this.log.catchUp()))
          await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
        this.log.heardOf(seq);
      }
    }
    this.inFlight.shift();
    this.sent -= batch.items.length;
    if (!this.inFlight.some((flight) => flight.settled === false)) this.setFailing(false);
    if (seq === 'write') return (this.storedHere(batch), true);
    this.pending.splice(0, batch.items.length);
    this.pendingBytes -= batch.bytes;
    this.deps.hooks.stored(batch.items, null, seq);
    return true;
  }

  /**
   * Reads the whole stored state before writing after another writer held the document (a lease taken over, or a
   * forward left unanswered): it may have stored, and compacted, entries never announced here, and our entry must
   * never go to a seq a snapshot already covers. False when stopped.
   */
  private async readWhole(): Promise<boolean> {
    while (!(await this.log.catchUp(true))) {
      if (this.stopped) return false;
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
    }
    return !this.stopped;
  }

  /** The batch at the head of the queue is stored at `seq` by this instance. */
  private storedHere(batch: Batch): void {
    this.pending.splice(0, batch.items.length);
    this.pendingBytes -= batch.bytes;
    this.deps.hooks.stored(batch.items, batch.merged, this.log.seq);
    this.writer.acknowledge(this.log.seq, batch.forwardIds);
    if (batch.merged) this.maybeCompact();
  }

  private async write(merged: Uint8Array, count: number): Promise<boolean> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      // A database that hangs instead of refusing never throws: say "retrying" once a write is this slow.
      const slow = setTimeout(() => this.setFailing(true), SLOW_WRITE_MS);
      try {
        await this.deps.store
          .append(this.documentId, this.log.seq + 1, merged, count)
          .finally(() => clearTimeout(slow));
        if (!this.writer.sole() && (await this.log.hiddenBySnapshot(this.log.seq + 1))) {
          // Another writer compacted past our seq: read what it stored, then write ours again after it.
          if (!(await this.readWhole())) return false;
          continue;
        }
        this.log.wrote(merged.byteLength);
        this.setFailing(false);
        return true;
      } catch (error) {
        if (error instanceof SeqConflictError) {
          this.writer.stats.seqConflicts += 1;
          if (await this.log.catchUp()) continue;
        } else {
          this.deps.logger.warn(
            { err: error, documentId: this.documentId, attempt },
            'storing an update failed; retrying',
          );
        }
        this.setFailing(true);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 50 * 2 ** attempt)));
      }
    }
    return false;
  }

  /**
   * Takes an update another instance announced through the relay: applied when it follows on directly from ours,
   * ignored when we already have it, and when it shows a gap (a lost or reordered announcement), the missing entries
   * are read from the stored log instead, in order, by the same loop that writes.
   */
  acceptRemote(seq: number, update: Uint8Array): boolean {
    const taken = this.log.announced(seq, update);
    if (taken === 'gap') this.requestCatchUp();
    return taken === 'applied';
  }

  /** Reads whatever other instances stored after our seq (after a relay outage, or to check none was missed). */
  requestCatchUp(): void {
    this.behind = true;
    this.kick();
  }

  /** Writes a snapshot of the stored state when the log on top of the last one is long enough (or `force`). */
  maybeCompact(force = false): Promise<void> | void {
    return this.compaction.maybeCompact(this.log.seq, force);
  }
}
