import type { Logger } from '../logger.ts';
import type { DocumentRelay } from './DocumentRelay.ts';
import type { DocumentStore } from './DocumentStore.ts';

/** Announced after every log entry is stored (automatic checkpoints listen for this). */
export interface PersistedEvent {
  documentId: string;
  seq: number;
  /** Client (or server) update messages merged into this entry. */
  updates: number;
  bytes: number;
}

/** What a room needs from its registry. */
export interface RoomDeps {
  store: DocumentStore;
  relay: DocumentRelay;
  logger: Logger;
  limits: {
    maxDocumentBytes: number;
    maxAwarenessClients: number;
    maxAwarenessViolations: number;
    maxAwarenessStateBytes: number;
    maxNestingDepth: number;
  };
  compactEvery: { updates: number; bytes: number };
  /** Settles when an earlier instance of this room has finished its final flush. */
  after: Promise<unknown>;
  onPersisted(event: PersistedEvent): void;
  /** The room's last connection left. */
  onEmpty(): void;
}
