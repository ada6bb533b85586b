/** Counts of how this instance's updates reached the log, for diagnostics, benchmarks and tests. */
export interface WriteStats {
  /** Writes that found their seq taken by another writer and had to read the log and retry. */
  seqConflicts: number;
  /** Batches handed to another instance's writer (the lease holder) instead of being written here. */
  forwarded: number;
  /** Forwards that went unanswered or whose holder let go, so they were sent again or written here. */
  forwardRetries: number;
  /** Updates other instances forwarded that this instance took to store as the lease holder. */
  storedForOthers: number;
}

/** A fresh set of counters. */
export function emptyWriteStats(): WriteStats {
  return { seqConflicts: 0, forwarded: 0, forwardRetries: 0, storedForOthers: 0 };
}

/**
 * Decides, for one loaded document, whether this instance appends its accepted updates to the log itself or hands
 * them to the one instance that holds the document's writer lease (so instances sharing a document do not race for
 * the same seq). Correctness never depends on it: the unique (documentId, seq) index settles any two writers, and a
 * forwarded update is only acknowledged once it is stored.
 */
export interface DocumentWriter {
  /** 'write' to append here (this instance holds the lease, or there is no usable bus); 'forward' otherwise. */
  route(): Promise<'write' | 'forward'>;
  /**
   * Hands an update (merged from `count` client updates) to the lease holder. Resolves with the seq of the log entry
   * that stores it, or 'write' when this instance must store it itself (the holder went away and the lease is now
   * ours, the bus is down, or the writer stopped).
   */
  forward(update: Uint8Array, count: number): Promise<number | 'write'>;
  /**
   * Whether this instance is known to be the document's only writer (it holds the lease, or there is no bus and so a
   * single instance). Otherwise each append is checked against the newest snapshot: another writer may have compacted
   * the log past this instance's seq, and an entry at a seq its snapshot covers would be hidden.
   */
  sole(): boolean;
  /**
   * True once after this instance took the document's lease: the previous holder may have stored (and compacted)
   * entries never announced here, so the queue reads the whole stored state before it writes as the holder.
   */
  tookLease(): boolean;
  /** Tells the instances that forwarded `forwardIds` that they are stored at `seq` (this instance wrote them). */
  acknowledge(seq: number, forwardIds: string[]): void;
  /** Stops taking the lease and forwarded updates (the document is unloading); lets go of a lease held. */
  retire(): void;
  /** Leaves the document: lets go of the lease, and answers a forward still waiting with 'write'. */
  stop(): void;
  /** This instance's counters (shared by its documents). */
  readonly stats: WriteStats;
}

/** What a writer does with an update another instance forwarded to it as the lease holder. */
export interface ForwardedUpdateHandler {
  accept(forwardId: string, update: Uint8Array, count: number): void;
}

/** Always writes here: one instance, no Redis, or Redis down (the unique seq index keeps several such correct). */
export class DirectWriter implements DocumentWriter {
  constructor(readonly stats: WriteStats = emptyWriteStats()) {}

  /** Always 'write'. */
  route(): Promise<'write'> {
    return Promise.resolve('write');
  }

  /** Never forwards. */
  forward(): Promise<'write'> {
    return Promise.resolve('write');
  }

  /** Without a bus, one instance is assumed (several without Redis still share storage, unchecked as before). */
  sole(): boolean {
    return true;
  }

  /** There is no lease. */
  tookLease(): boolean {
    return false;
  }

  /** Nobody forwarded anything. */
  acknowledge(): void {}

  /** No lease to let go. */
  retire(): void {}

  /** Nothing to leave. */
  stop(): void {}
}
