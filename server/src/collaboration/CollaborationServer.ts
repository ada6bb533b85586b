/**
 * The y-websocket endpoint at `/collab/:documentId`, and the seams other parts of the server use:
 *
 * - `readDocumentState(documentId)` → the stored state as one Yjs update (from memory when loaded, else snapshot + log).
 * - `readDocument(documentId)` → the same as a fresh Y.Doc the caller owns.
 * - `applyServerUpdate(documentId, update)` → stores a server-made change (restore a version, apply a template) and
 *   then broadcasts it to open clients like any editor's change; resolves with its log seq once stored.
 * - `onPersisted(listener)` → called after every log entry is stored (automatic checkpoints); returns unsubscribe.
 *
 * Decisions: updates are applied to the in-memory Y.Doc only after their log entry is stored, so sync replies and
 * relays never contain unsaved changes. At the size cap the document's status becomes `full`; the update that would
 * pass the cap is refused and its sender closed with `documentFull` (4431), everyone keeps reading. Stock y-websocket
 * clients echo awareness they receive; echoes (not newer than the server's copy) are skipped, only newer states for
 * another connection's client id count as spoofing.
 *
 * Routes reach the instance as `context.services.collaboration`. Storage: see DocumentStore (log + snapshots) and
 * UpdateQueue (group commit, retries). Enforcement: read-only connections' updates and awareness are dropped in
 * DocumentRoom; access changes are re-checked through the room policy in recheckAccess.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { can, CLOSE_CODES, COLLAB_LIMITS, COLLAB_MESSAGE } from '@common-ground/shared';
import type { AccessEvent } from '../access/AccessEvents.ts';
import type { AppContext } from '../app.ts';
import { authorizeUpgrade, refusal, type UpgradeDecision } from './authorizeUpgrade.ts';
import { CollabConnection } from './CollabConnection.ts';
import { LocalDocumentRelay, type DocumentRelay } from './DocumentRelay.ts';
import { RedisDocumentRelay } from './RedisDocumentRelay.ts';
import { DocumentRoom, type PersistedEvent } from './DocumentRoom.ts';
import { DocumentStore } from './DocumentStore.ts';
import { receiveMessage } from './receiveMessage.ts';
import { accessEventTouches, recheckAccess } from './recheckAccess.ts';
import { watchSessionLiveness } from '../access/watchSessionLiveness.ts';

const HEARTBEAT_MS = 30_000;
const SHUTDOWN_FLUSH_MS = 3000;

/** The y-websocket endpoint at `/collab/:documentId`. */
export class CollaborationServer {
  /** The database store; public so diagnostics and fault-injection tests can reach it. */
  readonly store: DocumentStore;
  private readonly relay: DocumentRelay;
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, DocumentRoom>();
  private readonly unloading = new Map<string, Promise<unknown>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly pendingByIp = new Map<string, number>();
  private readonly persisted = new EventEmitter();
  private readonly silent = new Set<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopAccessEvents: () => void;
  /** Counts access changes heard, so an upgrade can tell whether one arrived while it was being authorised. */
  private accessChanges = 0;
  private closing = false;

  constructor(private readonly context: AppContext) {
    this.store = new DocumentStore({ writeDelayMs: context.env.COLLAB_TEST_WRITE_DELAY_MS });
    const { redis } = context.services;
    this.relay = redis ? new RedisDocumentRelay(redis, context.logger) : new LocalDocumentRelay();
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: context.env.COLLAB_MAX_FRAME_BYTES,
      perMessageDeflate: false,
    });
    this.persisted.setMaxListeners(0);
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.stopAccessEvents = context.services.accessEvents.subscribe((event) => this.onAccessEvent(event));
    context.services.collaboration = this;
  }

  /** Takes over an HTTP upgrade on the collaboration path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.closing) return void socket.end(refusal(503));
    const ip = req.socket.remoteAddress ?? 'unknown';
    const pending = this.pendingByIp.get(ip) ?? 0;
    if (pending >= this.context.env.COLLAB_MAX_PENDING_UPGRADES_PER_IP) return void socket.end(refusal(429));
    this.pendingByIp.set(ip, pending + 1);
    const timer = setTimeout(() => socket.destroy(), COLLAB_LIMITS.upgradeTimeoutMs);
    const changesBefore = this.accessChanges;
    authorizeUpgrade(this.context, req)
      .then((decision) => {
        if (socket.destroyed) return;
        if (!decision.ok) return void socket.end(refusal(decision.status));
        if (this.closing) return void socket.end(refusal(503));
        this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, decision, changesBefore));
      })
      .catch((error: unknown) => {
        this.context.logger.error({ err: error }, 'collaboration upgrade failed');
        if (!socket.destroyed) socket.end(refusal(500));
      })
      .finally(() => {
        clearTimeout(timer);
        const left = (this.pendingByIp.get(ip) ?? 1) - 1;
        if (left > 0) this.pendingByIp.set(ip, left);
        else this.pendingByIp.delete(ip);
      });
  }

  private accept(
    ws: WebSocket,
    decision: Extract<UpgradeDecision, { ok: true }>,
    changesBefore: number,
  ): void {
    const { env } = this.context;
    const connection = new CollabConnection(ws, decision.caller, decision.role, decision.communityId, {
      perSecond: env.COLLAB_UPDATES_PER_SECOND,
      burst: env.COLLAB_UPDATE_BURST,
    });
    ws.on('error', (error) => this.context.logger.debug({ err: error }, 'collaboration socket error'));
    const room = this.roomFor(decision.documentId);
    let editors = 0;
    for (const other of room.connections) if (other.canEdit) editors += 1;
    const watchers = room.connections.size - editors;
    if (
      connection.canEdit
        ? editors >= env.COLLAB_MAX_EDITORS_PER_DOCUMENT
        : watchers >= env.COLLAB_MAX_WATCHERS_PER_DOCUMENT
    ) {
      connection.close(CLOSE_CODES.roomFull, 'this document has too many connections');
      this.releaseIfEmpty(room);
      return;
    }
    ws.on('message', (data, isBinary) => this.onFrame(room, connection, data, isBinary));
    ws.on('pong', () => this.silent.delete(ws));
    // Sessions and passes that simply run out announce nothing; close the connection when they do.
    const stopWatchingSession = watchSessionLiveness(decision.caller, env, () =>
      connection.close(
        connection.caller.kind === 'visitor' ? CLOSE_CODES.passRevoked : CLOSE_CODES.unauthenticated,
        'session ended',
      ),
    );
    ws.on('close', () => {
      stopWatchingSession();
      this.silent.delete(ws);
      room.leave(connection);
    });
    this.cancelIdle(room.documentId);
    room.join(connection);
    // An access change that arrived while this upgrade was being authorised was decided without it: ask again.
    if (this.accessChanges !== changesBefore) {
      const caller = decision.caller;
      this.recheck(
        room,
        connection,
        caller.kind === 'user'
          ? { type: 'membership.changed', communityId: decision.communityId, userId: caller.user.id }
          : { type: 'pass.revoked', passId: caller.passId },
      );
    }
  }

  private onFrame(room: DocumentRoom, connection: CollabConnection, data: RawData, isBinary: boolean): void {
    if (!isBinary) return connection.close(CLOSE_CODES.malformed, 'binary frames only');
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data);
    const message = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!connection.backlog) return this.dispatch(room, connection, message);
    if (message.length === 1 && message[0] === COLLAB_MESSAGE.subscribeSaved)
      return room.subscribe(connection);
    if (!room.hold(connection, message))
      connection.close(CLOSE_CODES.storageUnavailable, 'document is not loaded yet');
  }

  /** Handles one frame; anything thrown closes this socket only. */
  private dispatch(room: DocumentRoom, connection: CollabConnection, message: Uint8Array): void {
    try {
      receiveMessage(room, connection, message);
    } catch (error) {
      this.context.logger.debug({ err: error, documentId: room.documentId }, 'malformed collaboration frame');
      connection.close(CLOSE_CODES.malformed, 'malformed message');
    }
  }

  private roomFor(documentId: string): DocumentRoom {
    const existing = this.rooms.get(documentId);
    if (existing) return existing;
    const { env, logger } = this.context;
    const room = new DocumentRoom(documentId, {
      store: this.store,
      relay: this.relay,
      logger,
      limits: {
        maxDocumentBytes: env.COLLAB_MAX_DOCUMENT_BYTES,
        maxAwarenessClients: COLLAB_LIMITS.maxAwarenessClientsPerConnection,
        maxAwarenessViolations: COLLAB_LIMITS.maxAwarenessViolations,
      },
      compactEvery: { updates: env.COLLAB_COMPACT_EVERY_UPDATES, bytes: env.COLLAB_COMPACT_EVERY_BYTES },
      after: this.unloading.get(documentId) ?? Promise.resolve(),
      onPersisted: (event) => this.persisted.emit('persisted', event),
      onEmpty: (emptied) => this.releaseIfEmpty(emptied),
      onMessage: (target, connection, message) => this.dispatch(target, connection, message),
    });
    room.ready.catch(() => undefined);
    this.rooms.set(documentId, room);
    return room;
  }

  /** Unloads a document that has had no connections for the idle period, after a final flush. */
  private releaseIfEmpty(room: DocumentRoom): void {
    if (room.connections.size > 0 || this.closing) return;
    this.cancelIdle(room.documentId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.documentId);
      if (room.connections.size > 0 || this.rooms.get(room.documentId) !== room) return;
      this.rooms.delete(room.documentId);
      const unloaded = room.unload().finally(() => {
        if (this.unloading.get(room.documentId) === unloaded) this.unloading.delete(room.documentId);
      });
      this.unloading.set(room.documentId, unloaded);
    }, this.context.env.COLLAB_IDLE_UNLOAD_MS);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  private cancelIdle(documentId: string): void {
    clearTimeout(this.idleTimers.get(documentId));
    this.idleTimers.delete(documentId);
  }

  private onAccessEvent(event: AccessEvent): void {
    this.accessChanges += 1;
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) {
        if (accessEventTouches(event, connection)) this.recheck(room, connection, event);
      }
    }
  }

  /** Resolves one connection's access again through the policy: new role, or closed with the right code. */
  private recheck(room: DocumentRoom, connection: CollabConnection, event: AccessEvent): void {
    recheckAccess(this.context, connection, room.documentId, event)
      .then((result) => {
        if (!result.keep) return connection.close(result.code, result.reason);
        connection.caller = result.caller;
        connection.role = result.role;
        room.setAccess(connection, can(result.role, 'document.edit'));
      })
      .catch((error: unknown) => {
        this.context.logger.warn(
          { err: error },
          'could not re-check collaboration access; closing to be safe',
        );
        connection.close(CLOSE_CODES.goingAway, 'access could not be re-checked');
      });
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (this.silent.has(ws)) {
        ws.terminate();
        continue;
      }
      this.silent.add(ws);
      ws.ping();
    }
  }

  /** The stored state of a document as one Yjs update (unsaved updates are never included). */
  async readDocumentState(documentId: string): Promise<Uint8Array> {
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
  async readDocument(documentId: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.readDocumentState(documentId));
    return doc;
  }

  /** Stores a server-made update, then broadcasts it to open clients; resolves with its log seq. */
  async applyServerUpdate(documentId: string, update: Uint8Array): Promise<{ seq: number }> {
    if (this.closing) throw new Error('collaboration server is closing');
    const room = this.roomFor(documentId);
    await room.ready;
    const seq = await room.applyServerUpdate(update);
    this.releaseIfEmpty(room);
    return { seq };
  }

  /** Whether a document is held in memory (it unloads after the idle period without connections). */
  isLoaded(documentId: string): boolean {
    return this.rooms.has(documentId);
  }

  /** Listens for stored log entries; returns the function that stops listening. */
  onPersisted(listener: (event: PersistedEvent) => void): () => void {
    this.persisted.on('persisted', listener);
    return () => this.persisted.off('persisted', listener);
  }

  /** Flushes every open document and closes every connection. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.stopAccessEvents();
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
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.relay.close();
  }
}
