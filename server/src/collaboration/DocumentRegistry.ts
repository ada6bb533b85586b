import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_LIMITS } from '@common-ground/shared';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import { LocalDocumentRelay, type DocumentRelay } from './DocumentRelay.ts';
import { DocumentRoom } from './DocumentRoom.ts';
import type { WriteStats } from './DocumentWriter.ts';
import type { PersistedEvent } from './RoomDeps.ts';
import { DocumentStore } from './DocumentStore.ts';
import type { LiveDocuments } from './LiveDocuments.ts';

const SHUTDOWN_FLUSH_MS = 3000;

/**
 * The documents this process holds in memory, and the document API routes, commands and jobs use:
 *
 * - `read(documentId)` / `readState(documentId)` → the stored state (from memory when loaded, else snapshot + log).
 * - `applyUpdate(documentId, update)` → stores a server-made change (restore a version, apply a template), then
 *   broadcasts it to open clients like any editor's change; rejects with DocumentFullError at the size cap.
 * - `onPersisted(listener)` → called after every log entry is stored (automatic checkpoints).
 *
 * The collaboration server opens rooms here for its connections. A room is unloaded, after a final flush, once it
 * has had no connections for COLLAB_IDLE_UNLOAD_MS. Stored updates reach other instances through the
 * {@link DocumentRelay} (local: nobody to tell).
 */
export class DocumentRegistry implements LiveDocuments {
  /** The database store; public so diagnostics and fault-injection tests can reach it. */
  readonly store: DocumentStore;
  private readonly relay: DocumentRelay;
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly unloading = new Map<string, Promise<unknown>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly persisted = new EventEmitter();
  private closed: Promise<void> | null = null;

  constructor(
    private readonly options: {
      env: Pick<
        Env,
        | 'COLLAB_TEST_WRITE_DELAY_MS'
        | 'COLLAB_MAX_DOCUMENT_BYTES'
        | 'COLLAB_COMPACT_EVERY_UPDATES'
        | 'COLLAB_COMPACT_EVERY_BYTES'
        | 'COLLAB_IDLE_UNLOAD_MS'
      >;
      logger: Logger;
      relay?: DocumentRelay;
    },
  ) {
    this.store = new DocumentStore({ writeDelayMs: options.env.COLLAB_TEST_WRITE_DELAY_MS });
    this.relay = options.relay ?? new LocalDocumentRelay();
    this.persisted.setMaxListeners(0);
  }

  /** The live room of a document, loading it if needed; it stays loaded at least until {@link release}. */
  open(documentId: string): DocumentRoom {
    this.cancelIdle(documentId);
    const existing = this.rooms.get(documentId);
    if (existing) return existing;
    const { env, logger } = this.options;
    const room = new DocumentRoom(documentId, {
      store: this.store,
      relay: this.relay,
      logger,
      limits: {
        maxDocumentBytes: env.COLLAB_MAX_DOCUMENT_BYTES,
        maxAwarenessClients: COLLAB_LIMITS.maxAwarenessClientsPerConnection,
        maxAwarenessViolations: COLLAB_LIMITS.maxAwarenessViolations,
        maxAwarenessStateBytes: COLLAB_LIMITS.maxAwarenessStateBytes,
        maxNestingDepth: COLLAB_LIMITS.maxNestingDepth,
      },
      compactEvery: { updates: env.COLLAB_COMPACT_EVERY_UPDATES, bytes: env.COLLAB_COMPACT_EVERY_BYTES },
      after: this.unloading.get(documentId) ?? Promise.resolve(),
      onPersisted: (event) => this.persisted.emit('persisted', event),
      onEmpty: () => this.release(room),
    });
    room.ready.catch(() => undefined);
    this.rooms.set(documentId, room);
    return room;
  }

  /** Unloads a room that has had no connections for the idle period, after a final flush. */
  release(room: DocumentRoom): void {
    if (room.connections.size > 0 || this.closed) return;
    this.cancelIdle(room.documentId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.documentId);
      if (room.connections.size > 0 || this.rooms.get(room.documentId) !== room) return;
      this.rooms.delete(room.documentId);
      const unloaded = room.unload().finally(() => {
        if (this.unloading.get(room.documentId) === unloaded) this.unloading.delete(room.documentId);
      });
      this.unloading.set(room.documentId, unloaded);
    }, this.options.env.COLLAB_IDLE_UNLOAD_MS);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  private cancelIdle(documentId: string): void {
    clearTimeout(this.idleTimers.get(documentId));
    this.idleTimers.delete(documentId);
  }

  /** The stored state of a document as one Yjs update (unsaved updates are never included). */
  async readState(documentId: string): Promise<Uint8Array> {
    const room = this.rooms.get(documentId);
    if (room) {
      await room.ready;
      return Y.encodeStateAsUpdate(room.doc!);
    }
    const loaded = await this.store.load(documentId);
    const state = Y.encodeStateAsUpdate(loaded.doc);
    loaded.doc.destroy();
    return state;
  }

  /** The stored state of a document as a Y.Doc the caller owns (and should destroy). */
  async read(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.readState(documentId));
    return doc;
  }

  /** Stores a server-made update, then broadcasts it to open clients; resolves once it is stored. */
  async applyUpdate(documentId: string, update: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('collaboration server is closing');
    const room = this.open(documentId);
    try {
      await room.ready;
      await room.applyServerUpdate(update);
    } finally {
      this.release(room);
    }
  }

  /** How this instance's updates reached the log (conflicting writes, forwards to a lease holder), for diagnostics. */
  get writeStats(): WriteStats {
    return this.relay.stats;
  }

  /** Whether a document is held in memory (it unloads after the idle period without connections). */
  isLoaded(documentId: string): boolean {
    return this.rooms.has(documentId);
  }

  /** Listens for stored log entries; returns the function that stops listening. */
  onPersisted(listener: (documentId: string, event: PersistedEvent) => void): () => void {
    const forward = (event: PersistedEvent) => listener(event.documentId, event);
    this.persisted.on('persisted', forward);
    return () => this.persisted.off('persisted', forward);
  }

  /** Flushes every open document (for up to three seconds), closing its connections; later calls wait the same. */
  close(): Promise<void> {
    this.closed ??= this.flushAll();
    return this.closed;
  }

  private async flushAll(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const deadline = Date.now() + SHUTDOWN_FLUSH_MS;
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(
      rooms.map(async (room) => {
        await room.queue?.drain(deadline);
        for (const connection of room.connections)
          connection.close(CLOSE_CODES.goingAway, 'server restarting');
        await room.unload(deadline);
      }),
    );
    await Promise.all(this.unloading.values());
    this.relay.close();
  }
}
