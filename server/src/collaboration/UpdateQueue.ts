import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { CollabConnection } from './CollabConnection.ts';
import { SeqConflictError, type DocumentStore } from './DocumentStore.ts';
import { DirectWriter, type DocumentWriter } from './DocumentWriter.ts';

/** One accepted update waiting to be stored; an empty `update` only waits its turn to be acknowledged. */
export interface QueuedUpdate {
  update: Uint8Array;
  from: CollabConnection | null;
  /** The sender's `received` number for this message, acknowledged in `saved` once stored. */
  clock: number;
  onStored?: (seq: number) => void;
  /** Called instead of `onStored` when the queue stops before this update was stored. */
  onAbandoned?: (error: Error) => void;
  /** Set on an update another instance forwarded to this one as the document's lease holder. */
  forwardId?: string;
  /** Client updates merged into `update` (a forwarded batch carries several); 1 when absent. */
  count?: number;
}

const MAX_BATCH_UPDATES = 500;
const MAX_BATCH_BYTES = 2 * 1024 * 1024;
const MAX_BACKOFF_MS = 5000;
/** A write still unanswered after this long is reported as `storage-retrying` (the database may be hanging). */
const SLOW_WRITE_MS = 2_000;

/** What the queue tells its document. */
export interface UpdateQueueHooks {
  /** A batch is durably stored at `seq` (or, when `merged` is null, only acknowledgements were waiting). */
  stored(batch: QueuedUpdate[], merged: Uint8Array | null, seq: number): void;
  /** Entries another writer stored that this document had not seen, in seq order. */
  caughtUp(entries: Array<{ seq: number; update: Uint8Array }>): void;
  /** Writes started failing (true) or recovered (false). */
  retrying(failing: boolean): void;
  /** The document's full state right now, for a snapshot. */
  captureState(): Uint8Array;
}

/**
 * Group commit for one document: updates that arrive while a write is in flight are merged into the next log entry,
 * so a busy document costs one insert per database round trip rather than one per keystroke. A failed write is
 * retried with backoff, holding its updates in memory; nothing is acknowledged or relayed until stored.
 */
/** Pause before reading the log again after a failed catch-up read. */
const CATCH_UP_RETRY_MS = 500;

export class UpdateQueue {
  seq: number;
  tailEntries: number;
  tailBytes: number;
  snapshotBytes: number;
  pendingBytes = 0;
  private pending: QueuedUpdate[] = [];
  private running: Promise<void> | null = null;
  private compaction: Promise<void> | null = null;
  /** Set once an update could not be applied: a snapshot of memory would then drop it, so the log is kept whole. */
  private compactionHeld = false;
  private failing = false;
  private stopped = false;
  /** Set when other instances may have stored entries we have not applied; cleared by a read of the log. */
  private behind = false;
  /** The highest seq other instances announced or acknowledged: a read of the log must reach it. */
  private known = 0;
  /** Writes here, or hands batches to the document's lease holder on another instance (see linkToPeers). */
  private writer: DocumentWriter = new DirectWriter();

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
    this.seq = loaded.seq;
    this.tailEntries = loaded.tailEntries;
    this.tailBytes = loaded.tailBytes;
    this.snapshotBytes = loaded.snapshotBytes;
  }

  /** The updates accepted but not yet stored (including a batch being written), in order. */
  pendingUpdates(): Uint8Array[] {
    return this.pending.flatMap((item) => (item.update.byteLength ? [item.update] : []));
  }

  /** Whether anything is waiting to be written, or a compaction is still rewriting the stored log. */
  get idle(): boolean {
    return this.pending.length === 0 && !this.running && !this.compaction;
  }

  /** Routes this document's writes through `writer` (set once the room is linked to its peers). */
  useWriter(writer: DocumentWriter): void {
    this.writer = writer;
  }

  /** Never compact this document again in this process (an update could not be applied to the in-memory copy). */
  holdCompaction(): void {
    this.compactionHeld = true;
  }

  /** Queues an update and starts a write unless one is in flight (which then picks it up next). */
  push(item: QueuedUpdate): void {
    this.pending.push(item);
    this.pendingBytes += item.update.byteLength;
    this.kick();
  }

  /** Resolves once everything queued so far is stored, or when `deadline` (epoch ms) passes. */
  async drain(deadline = Infinity): Promise<boolean> {
    // The document is closing: take no more forwarded updates and let another instance hold the lease.
    this.writer.retire();
    while (!this.idle) {
      if (Date.now() >= deadline) return false;
      await Promise.race([this.running, this.compaction, new Promise((resolve) => setTimeout(resolve, 50))]);
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
      if (this.behind) {
        // Catching up here, between writes, keeps `seq` owned by one loop: a write in flight never races a read.
        this.behind = false;
        if (!(await this.catchUp())) {
          this.behind = true;
          await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
        }
        continue;
      }
      const batch: QueuedUpdate[] = [];
      const updates: Uint8Array[] = [];
      let bytes = 0;
      for (const item of this.pending) {
        if (
          batch.length >= MAX_BATCH_UPDATES ||
          (bytes > 0 && bytes + item.update.byteLength > MAX_BATCH_BYTES)
        )
          break;
        batch.push(item);
        if (item.update.byteLength) updates.push(item.update);
        bytes += item.update.byteLength;
      }
      const merged =
        updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      const count = batch.reduce((sum, item) => sum + (item.update.byteLength ? (item.count ?? 1) : 0), 0);
      const forwardIds = batch.flatMap((item) => (item.forwardId ? [item.forwardId] : []));
      // Updates forwarded to us are always written here; our own go to the lease holder when another instance holds it.
      const storedBy =
        merged && !forwardIds.length && (await this.writer.route()) === 'forward'
          ? await this.forward(merged, count)
          : null;
      if (this.stopped) return;
      if (storedBy === null && merged && !(await this.write(merged, count))) return;
      this.pending.splice(0, batch.length);
      this.pendingBytes -= bytes;
      if (storedBy !== null) {
        // The holder's entry reached the document through the relay (or the log): only acknowledgements remain.
        this.deps.hooks.stored(batch, null, storedBy);
        continue;
      }
      this.deps.hooks.stored(batch, merged, this.seq);
      this.writer.acknowledge(this.seq, forwardIds);
      if (merged) this.maybeCompact();
    }
  }

  /**
   * Hands a batch to the lease holder; the seq that stores it once the document here has applied that entry, or null
   * when this instance must write it itself (the holder went away and the lease is ours, or the bus is down).
   */
  private async forward(merged: Uint8Array, count: number): Promise<number | null> {
    const seq = await this.writer.forward(merged, count);
    if (seq === 'write') return null;
    this.known = Math.max(this.known, seq);
    while (this.seq < seq) {
      if (this.stopped) return null;
      if (!(await this.catchUp())) await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
      this.known = Math.max(this.known, seq);
    }
    return seq;
  }

  private async write(merged: Uint8Array, count: number): Promise<boolean> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      // A database that hangs instead of refusing never throws: say "retrying" once a write is this slow.
      const slow = setTimeout(() => {
        if (this.failing || this.stopped) return;
        this.failing = true;
        this.deps.hooks.retrying(true);
      }, SLOW_WRITE_MS);
      try {
        await this.deps.store
          .append(this.documentId, this.seq + 1, merged, count)
          .finally(() => clearTimeout(slow));
        this.seq += 1;
        this.tailEntries += 1;
        this.tailBytes += merged.byteLength;
        if (this.failing) {
          this.failing = false;
          this.deps.hooks.retrying(false);
        }
        return true;
      } catch (error) {
        if (error instanceof SeqConflictError) {
          this.writer.stats.seqConflicts += 1;
          if (await this.catchUp()) continue;
        } else {
          this.deps.logger.warn(
            { err: error, documentId: this.documentId, attempt },
            'storing an update failed; retrying',
          );
        }
        if (!this.failing) {
          this.failing = true;
          this.deps.hooks.retrying(true);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 50 * 2 ** attempt)));
      }
    }
    return false;
  }

  /**
   * Reads entries another instance stored at seqs we were about to use; false when reading failed too. When those
   * entries were compacted into a snapshot meanwhile (the log then starts past our seq, or ends before a seq we were
   * told of), the whole stored state is read instead.
   */
  private async catchUp(): Promise<boolean> {
    try {
      const missed = await this.deps.store.readAfter(this.documentId, this.seq);
      if (missed.length && missed[0]!.seq === this.seq + 1) {
        this.deps.hooks.caughtUp(missed);
        this.seq = missed[missed.length - 1]!.seq;
        this.tailEntries += missed.length;
        this.tailBytes += missed.reduce((sum, entry) => sum + entry.update.byteLength, 0);
      } else if (missed.length || this.known > this.seq) {
        const loaded = await this.deps.store.load(this.documentId);
        if (loaded.seq > this.seq) {
          const here = Y.encodeStateVectorFromUpdate(this.deps.hooks.captureState());
          this.deps.hooks.caughtUp([{ seq: loaded.seq, update: Y.encodeStateAsUpdate(loaded.doc, here) }]);
          this.seq = loaded.seq;
          this.tailEntries = loaded.tailEntries;
          this.tailBytes = loaded.tailBytes;
        }
        loaded.doc.destroy();
      }
      this.known = Math.min(this.known, this.seq);
      return true;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, documentId: this.documentId },
        'reading missed updates failed; retrying',
      );
      return false;
    }
  }

  /**
   * Takes an update another instance announced through the relay: applied when it follows on directly from ours,
   * ignored when we already have it, and when it shows a gap (a lost or reordered announcement), the missing entries
   * are read from the stored log instead, in order, by the same loop that writes.
   */
  acceptRemote(seq: number, update: Uint8Array): boolean {
    if (seq <= this.seq) return false;
    if (seq > this.seq + 1) {
      this.known = Math.max(this.known, seq);
      this.requestCatchUp();
      return false;
    }
    this.seq = seq;
    this.tailEntries += 1;
    this.tailBytes += update.byteLength;
    return true;
  }

  /** Reads whatever other instances stored after our seq (after a relay outage, or to check none was missed). */
  requestCatchUp(): void {
    this.behind = true;
    this.kick();
  }

  /**
   * Writes a snapshot from the in-memory state, which is exactly the stored log up to `seq` at this moment. Encoding
   * the live document is linear in its size, unlike merging the log, and the log between snapshots stays bounded.
   */
  maybeCompact(force = false): Promise<void> | void {
    const { updates, bytes } = this.deps.compactEvery;
    if (this.compaction || this.compactionHeld || this.tailEntries === 0) return;
    if (!force && this.tailEntries < updates && this.tailBytes < bytes) return;
    const seq = this.seq;
    const entries = this.tailEntries;
    const tailBytes = this.tailBytes;
    const state = this.deps.hooks.captureState();
    this.compaction = this.deps.store
      .compact(this.documentId, seq, state)
      .then(() => {
        this.tailEntries -= entries;
        this.tailBytes -= tailBytes;
        this.snapshotBytes = state.byteLength;
      })
      .catch((error: unknown) =>
        this.deps.logger.warn(
          { err: error, documentId: this.documentId },
          'compaction failed; will retry later',
        ),
      )
      .finally(() => {
        this.compaction = null;
      });
    return this.compaction;
  }
}
