import {
  DirectWriter,
  emptyWriteStats,
  type DocumentWriter,
  type ForwardedUpdateHandler,
  type WriteStats,
} from './DocumentWriter.ts';
import { NO_PEERS, type PeerPresence, type PeerPresenceHandlers } from './PeerPresence.ts';

/**
 * Carries stored updates between server instances that hold the same document. The local implementation does
 * nothing: with one instance there is nobody to tell. {@link RedisDocumentRelay} publishes each stored update with its
 * seq; a receiver applies it (it is already in the database) and relays it to its own connections.
 * Correctness never depends on the relay: the unique (documentId, seq) index makes a writer that missed entries fail
 * and read them from the log before it writes again.
 */
export interface DocumentRelay {
  /** Announces an update that is already stored at `seq`. */
  publish(documentId: string, seq: number, update: Uint8Array): void;
  /**
   * Listens for updates other instances stored; returns the function that stops listening. `resync` is called when
   * announcements may have been missed (the bus reconnected, or a periodic check), so the room reads its log.
   */
  subscribe(
    documentId: string,
    listener: (seq: number, update: Uint8Array) => void,
    resync?: () => void,
  ): () => void;
  /** Links a room's presence (awareness, watcher headcount) with the same document's rooms on other instances. */
  presence(documentId: string, handlers: PeerPresenceHandlers): PeerPresence;
  /**
   * How a loaded document's accepted updates reach the log: written here, or forwarded to the instance holding the
   * document's writer lease (`handler` takes updates forwarded to this instance while it holds the lease).
   */
  writer(documentId: string, handler: ForwardedUpdateHandler): DocumentWriter;
  /** How this instance's updates reached the log so far. */
  readonly stats: WriteStats;
  /** Stops listening to the bus. */
  close(): void;
}

/** The single-instance relay: publishes nowhere and never hears anything. */
export class LocalDocumentRelay implements DocumentRelay {
  readonly stats = emptyWriteStats();
  private readonly direct = new DirectWriter(this.stats);

  /** Does nothing; there are no other instances. */
  publish(): void {}

  /** Never calls the listener. */
  subscribe(): () => void {
    return () => {};
  }

  /** No peers to link with. */
  presence(): PeerPresence {
    return NO_PEERS;
  }

  /** Every document writes here (several instances without Redis are kept correct by the unique seq index). */
  writer(): DocumentWriter {
    return this.direct;
  }

  /** Nothing to close. */
  close(): void {}
}
