import type { Logger } from '../logger.ts';
import type { DocumentStore } from './DocumentStore.ts';

/**
 * How much log sits on one document's newest snapshot, and turning it into a new snapshot once it is long enough.
 * The snapshot is encoded from the in-memory document, which is exactly the stored log up to `seq` at that moment;
 * that is linear in the document's size, unlike merging the log, and keeps the log between snapshots bounded.
 */
export class LogCompaction {
  tailEntries: number;
  tailBytes: number;
  snapshotBytes: number;
  /** The compaction under way, if any. */
  running: Promise<void> | null = null;
  /** Set once an update could not be applied: a snapshot of memory would then drop it, so the log is kept whole. */
  private held = false;

  constructor(
    private readonly documentId: string,
    loaded: { tailEntries: number; tailBytes: number; snapshotBytes: number },
    private readonly deps: {
      store: DocumentStore;
      logger: Logger;
      every: { updates: number; bytes: number };
      captureState(): Uint8Array;
    },
  ) {
    this.tailEntries = loaded.tailEntries;
    this.tailBytes = loaded.tailBytes;
    this.snapshotBytes = loaded.snapshotBytes;
  }

  /** Never compact this document again in this process. */
  hold(): void {
    this.held = true;
  }

  /** Counts log entries added on top of the snapshot (stored here or by another instance). */
  added(entries: number, bytes: number): void {
    this.tailEntries += entries;
    this.tailBytes += bytes;
  }

  /** Starts over from a freshly read stored state. */
  reset(loaded: { tailEntries: number; tailBytes: number }): void {
    this.tailEntries = loaded.tailEntries;
    this.tailBytes = loaded.tailBytes;
  }

  /** Writes a snapshot at `seq` when the log is long enough (or `force`), unless one is under way or held. */
  maybeCompact(seq: number, force = false): Promise<void> | void {
    const { updates, bytes } = this.deps.every;
    if (this.running || this.held || this.tailEntries === 0) return;
    if (!force && this.tailEntries < updates && this.tailBytes < bytes) return;
    const entries = this.tailEntries;
    const tailBytes = this.tailBytes;
    const state = this.deps.captureState();
    this.running = this.deps.store
      .compact(this.documentId, seq, state)
      .then(() => {
        this.tailEntries = Math.max(0, this.tailEntries - entries);
        this.tailBytes = Math.max(0, this.tailBytes - tailBytes);
        this.snapshotBytes = state.byteLength;
      })
      .catch((error: unknown) =>
        this.deps.logger.warn(
          { err: error, documentId: this.documentId },
          'compaction failed; will retry later',
        ),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
