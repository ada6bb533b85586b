import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { DocumentStore } from './DocumentStore.ts';
import type { LogCompaction } from './LogCompaction.ts';
import { newestSnapshotSeq } from './newestSnapshotSeq.ts';

/** What catching up needs from its document: to apply entries it missed, and the state it holds now. */
export interface CatchUpHooks {
  /** Entries another writer stored that this document had not seen, in seq order. */
  caughtUp(entries: Array<{ seq: number; update: Uint8Array }>): void;
  /** The document's full state right now. */
  captureState(): Uint8Array;
}

/**
 * Where one document's stored log stands for this instance: `seq`, the last entry applied here, and `known`, the
 * highest seq other instances announced or acknowledged (a read of the log must reach it). Catching up reads what
 * other writers stored since `seq`; when they compacted it into a snapshot meanwhile, the whole stored state instead.
 */
export class LogPosition {
  seq: number;
  private known = 0;

  constructor(
    private readonly documentId: string,
    seq: number,
    private readonly deps: {
      store: DocumentStore;
      logger: Logger;
      hooks: CatchUpHooks;
      compaction: LogCompaction;
    },
  ) {
    this.seq = seq;
  }

  /** Notes that another instance stored up to `seq`. */
  heardOf(seq: number): void {
    this.known = Math.max(this.known, seq);
  }

  /** Our own entry of `bytes` is stored at the next seq. */
  wrote(bytes: number): void {
    this.seq += 1;
    this.deps.compaction.added(1, bytes);
  }

  /**
   * Takes an entry another instance announced: 'applied' when it follows on directly (the caller applies it),
   * 'have' when we already have it, 'gap' when entries before it are missing (the caller reads the log).
   */
  announced(seq: number, update: Uint8Array): 'applied' | 'have' | 'gap' {
    if (seq <= this.seq) return 'have';
    if (seq > this.seq + 1) {
      this.heardOf(seq);
      return 'gap';
    }
    this.seq = seq;
    this.deps.compaction.added(1, update.byteLength);
    return 'applied';
  }

  /** Whether a snapshot covers `seq` (true as well when that cannot be read: writing again is harmless). */
  async hiddenBySnapshot(seq: number): Promise<boolean> {
    try {
      return (await newestSnapshotSeq(this.documentId)) >= seq;
    } catch {
      return true;
    }
  }

  /**
   * Reads entries another instance stored at seqs we were about to use; false when reading failed too. When those
   * entries were compacted into a snapshot meanwhile (the log then starts past our seq, or ends before a seq we were
   * told of), the whole stored state is read instead; `whole` reads it in any case.
   */
  async catchUp(whole = false): Promise<boolean> {
    const { store, hooks, compaction } = this.deps;
    try {
      const missed = whole ? [] : await store.readAfter(this.documentId, this.seq);
      if (missed.length && missed[0]!.seq === this.seq + 1) {
        hooks.caughtUp(missed);
        this.seq = missed[missed.length - 1]!.seq;
        compaction.added(
          missed.length,
          missed.reduce((sum, entry) => sum + entry.update.byteLength, 0),
        );
      } else if (whole || missed.length || this.known > this.seq) {
        const loaded = await store.load(this.documentId);
        if (loaded.seq > this.seq) {
          const here = Y.encodeStateVectorFromUpdate(hooks.captureState());
          hooks.caughtUp([{ seq: loaded.seq, update: Y.encodeStateAsUpdate(loaded.doc, here) }]);
          this.seq = loaded.seq;
          compaction.reset(loaded);
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
}
