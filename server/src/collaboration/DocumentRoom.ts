import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE } from '@common-ground/shared';
import type { CollabConnection } from './CollabConnection.ts';
import { encodeSavedMessage, encodeUpdateMessage } from './collabMessages.ts';
import { DocumentFullError, RefusedChangeError } from './DocumentFullError.ts';
import { linkToPeers } from './linkToPeers.ts';
import { NO_PEERS, type PeerPresence } from './PeerPresence.ts';
import { newOperations } from './newOperations.ts';
import { receiveMessage } from './receiveMessage.ts';
import { ReadingPauses } from './ReadingPauses.ts';
import { RoomPresence } from './RoomPresence.ts';
import type { RoomDeps } from './RoomDeps.ts';
import { RoomStatus } from './RoomStatus.ts';
import { ScratchDocument } from './ScratchDocument.ts';
import { SyncAnswers } from './SyncAnswers.ts';
import { UpdateQueue, type QueuedUpdate } from './UpdateQueue.ts';

/** Frames one connection may send before the document has loaded. */
const MAX_EARLY_FRAMES = 200;
const MAX_PENDING_BYTES = 64 * 1024 * 1024;

/**
 * One live document in memory: the Y.Doc holds only what is stored (updates are applied after their log entry is
 * written), so whatever any client receives, through relay or sync, is already durable.
 */
export class DocumentRoom {
  readonly connections = new Set<CollabConnection>();
  doc: Y.Doc | null = null;
  presence: RoomPresence | null = null;
  /** The same document's presence on other instances (none without Redis). */
  private peers: PeerPresence = NO_PEERS;
  queue: UpdateQueue | null = null;
  /**
   * The document as it will be once everything accepted is stored; each update is checked on it first. Built at the
   * first change, so a document people only read never holds a second copy.
   */
  private scratch: ScratchDocument | null = null;
  private answers: SyncAnswers | null = null;
  readonly ready: Promise<void>;
  closing = false;
  private readonly status = new RoomStatus(this.connections, () => this.peers);
  /** Editors whose sockets are not being read while the write queue drains (backpressure). */
  private readonly pauses = new ReadingPauses(() => this.queue?.pendingBytes ?? 0);
  private stopRelay: () => void = () => {};

  constructor(
    readonly documentId: string,
    private readonly deps: RoomDeps,
  ) {
    this.ready = this.load();
  }

  /** Loads with retries; never starts from an empty document when reading failed. */
  private async load(): Promise<void> {
    await this.deps.after.catch(() => undefined);
    for (let attempt = 0; ; attempt += 1) {
      if (this.closing) throw new Error('document closed while loading');
      try {
        const loaded = await this.deps.store.load(this.documentId);
        if (loaded.unreadable.length)
          this.deps.logger.error(
            { documentId: this.documentId, seqs: loaded.unreadable },
            'stored updates could not be applied; they are kept in the log and skipped',
          );
        this.attach(loaded.doc, loaded);
        if (loaded.unreadable.length) this.queue!.holdCompaction();
        return;
      } catch (error) {
        this.deps.logger.warn(
          { err: error, documentId: this.documentId, attempt },
          'loading document failed; retrying',
        );
        this.status.setStorage('storage-retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  private attach(doc: Y.Doc, loaded: ConstructorParameters<typeof UpdateQueue>[1]): void {
    this.doc = doc;
    const answers = (this.answers = new SyncAnswers(doc));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      answers.changed();
      // Updates stored here went through the scratch copy already; those other instances stored did not.
      if (origin === 'remote') this.scratch?.mirror(update);
      this.broadcast(encodeUpdateMessage(update), origin);
    });
    this.presence = new RoomPresence(
      doc,
      this.deps.limits,
      (message, origin) => this.broadcast(message, origin),
      (update) => this.peers.publishAwareness(update),
    );
    this.queue = new UpdateQueue(this.documentId, loaded, {
      store: this.deps.store,
      logger: this.deps.logger,
      compactEvery: this.deps.compactEvery,
      hooks: {
        stored: (batch, merged, seq) => this.onStored(batch, merged, seq),
        caughtUp: (entries) =>
          doc.transact(() => entries.forEach((entry) => Y.applyUpdate(doc, entry.update)), 'remote'),
        retrying: (failing) => this.status.setStorage(failing ? 'storage-retrying' : 'ok'),
        captureState: () => Y.encodeStateAsUpdate(doc),
      },
    });
    const link = linkToPeers(this.deps.relay, this.documentId, {
      doc,
      queue: this.queue,
      presence: this.presence,
      status: this.status,
      mirror: (update) => this.scratch?.mirror(update),
    });
    this.peers = link.peers;
    this.stopRelay = link.stop;
    this.status.setStorage('ok');
    for (const connection of this.connections) this.greet(connection);
  }

  /** Adds a connection; it is greeted (sync step 1, awareness) once the document is loaded. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    if (this.doc) this.greet(connection);
    this.status.schedule();
  }

  /** Greets a connection and handles, once and in order, the frames it sent while the document was loading. */
  private greet(connection: CollabConnection): void {
    const early = connection.early ?? [];
    connection.early = null;
    connection.send(this.answers!.syncStep1());
    this.presence!.sendStates(connection);
    for (const message of early) this.dispatch(connection, message);
  }

  /**
   * Takes one frame from a connection: handled now when the document is loaded, else kept on the connection to be
   * handled when it is (a subscription to `saved`/`status` is answered at once; too many early frames close it).
   */
  receive(connection: CollabConnection, message: Uint8Array): void {
    if (!connection.early) return this.dispatch(connection, message);
    if (message.length === 1 && message[0] === COLLAB_MESSAGE.subscribeSaved)
      return this.subscribe(connection);
    if (connection.early.length >= MAX_EARLY_FRAMES)
      return connection.close(CLOSE_CODES.storageUnavailable, 'document is not loaded yet');
    connection.early.push(message);
  }

  /** Handles one frame; anything thrown closes this connection only. */
  private dispatch(connection: CollabConnection, message: Uint8Array): void {
    if (connection.draining) return;
    try {
      receiveMessage(this, connection, message);
    } catch (error) {
      this.deps.logger.debug({ err: error, documentId: this.documentId }, 'malformed collaboration frame');
      connection.close(CLOSE_CODES.malformed, 'malformed message');
    }
  }

  /** Removes a connection and the awareness states it owned. */
  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    this.pauses.forget(connection);
    this.presence?.drop(connection);
    this.status.schedule();
    if (this.connections.size === 0) this.deps.onEmpty();
  }

  /** Replies to sync step 1 with what the client lacks from the stored state. */
  answerSyncStep1(connection: CollabConnection, stateVector: Uint8Array): void {
    connection.send(this.answers!.syncStep2(stateVector));
  }

  /** Accepts an editor's update into the write queue; read-only connections' updates go nowhere. */
  submitUpdate(connection: CollabConnection, update: Uint8Array, kind: 'update' | 'step2'): void {
    if (!connection.canEdit) return;
    if (!connection.takeUpdateToken()) return connection.close(CLOSE_CODES.rateLimited, 'too many updates');
    connection.received += 1;
    // Bytes that are not an update throw in newOperations (sync step 2) or in the scratch check (refused as
    // unappliable), before anything is stored.
    let payload: Uint8Array | null = kind === 'step2' ? newOperations(this.doc!, update) : update;
    if (payload && payload.byteLength <= 2) payload = null;
    if (payload) {
      if (this.queue!.pendingBytes > MAX_PENDING_BYTES)
        return connection.close(CLOSE_CODES.storageUnavailable, 'storage is not keeping up');
      const verdict = this.scratchCopy().check(payload);
      if (!verdict.ok) return this.refuse(connection, verdict.code, verdict.message);
    }
    this.enqueue(connection, payload ?? new Uint8Array());
  }

  private scratchCopy(): ScratchDocument {
    this.scratch ??= new ScratchDocument(
      { stored: () => this.doc!, pending: () => this.queue!.pendingUpdates() },
      this.deps.limits,
      (full) => this.status.setFull(full),
    );
    return this.scratch;
  }

  /** Closes a connection whose update was refused once its earlier updates are stored and acknowledged. */
  private refuse(connection: CollabConnection, code: number, reason: string): void {
    connection.received -= 1;
    connection.draining = true;
    const close = () => queueMicrotask(() => connection.close(code, reason));
    this.enqueue(connection, new Uint8Array(), close, close);
  }

  private enqueue(
    connection: CollabConnection | null,
    update: Uint8Array,
    onStored?: (seq: number) => void,
    onAbandoned?: (error: Error) => void,
  ): void {
    const item: QueuedUpdate = { update, from: connection, clock: connection?.received ?? 0 };
    if (onStored) item.onStored = onStored;
    if (onAbandoned) item.onAbandoned = onAbandoned;
    this.queue!.push(item);
    if (connection) this.pauses.queued(connection);
  }

  /**
   * Stores and broadcasts an update made by the server (restore, template) like any editor's change. Checked the same
   * way: at the size cap a restore that shrinks the document is accepted, since the cap measures what it holds.
   */
  applyServerUpdate(update: Uint8Array): Promise<number> {
    Y.decodeUpdate(update);
    const verdict = this.scratchCopy().check(update);
    if (!verdict.ok)
      return Promise.reject(
        verdict.reason === 'full' ? new DocumentFullError() : new RefusedChangeError(verdict.message),
      );
    return new Promise((resolve, reject) => this.enqueue(null, update, resolve, reject));
  }

  private onStored(batch: QueuedUpdate[], merged: Uint8Array | null, seq: number): void {
    const authors = new Set<CollabConnection>();
    for (const item of batch) if (item.from) authors.add(item.from);
    if (merged) {
      // The sole author already has its own changes, so it is skipped, unless the update may also release structs
      // held back for missing dependencies (those can come from anyone, so everyone gets the transaction).
      const { pendingStructs, pendingDs } = this.doc!.store;
      const soleAuthor =
        authors.size === 1 && batch.every((item) => item.from) && !pendingStructs && !pendingDs;
      const origin = soleAuthor ? [...authors][0] : 'server';
      try {
        Y.applyUpdate(this.doc!, merged, origin);
      } catch (error) {
        this.deps.logger.error(
          { err: error, documentId: this.documentId, seq },
          'a stored update could not be applied; compaction is held so the log keeps it',
        );
        this.queue!.holdCompaction();
      }
      this.deps.relay.publish(this.documentId, seq, merged);
      this.deps.onPersisted({
        documentId: this.documentId,
        seq,
        updates: batch.length,
        bytes: merged.byteLength,
      });
    }
    for (const item of batch) {
      if (item.from) item.from.saved = Math.max(item.from.saved, item.clock);
      item.onStored?.(seq);
    }
    for (const author of authors) if (author.subscribed) author.send(encodeSavedMessage(author.saved));
    this.pauses.drained();
  }

  /** Applies an editor's awareness (read-only connections' awareness is dropped, never broadcast). */
  submitAwareness(connection: CollabConnection, update: Uint8Array): void {
    if (connection.canEdit) this.presence!.submit(connection, update);
  }

  /** Sends every current awareness state to one connection. */
  sendAwarenessStates(connection: CollabConnection): void {
    this.presence!.sendStates(connection);
  }

  /** Starts sending `saved` and `status` to a connection that asked for them. */
  subscribe(connection: CollabConnection): void {
    this.status.subscribe(connection);
  }

  /** Re-applies a connection's access after its role changed. */
  setAccess(connection: CollabConnection, canEdit: boolean): void {
    if (connection.canEdit === canEdit) return;
    connection.canEdit = canEdit;
    if (!canEdit) this.presence?.drop(connection);
    this.status.sendTo(connection);
    this.status.schedule();
  }

  private broadcast(message: Uint8Array, origin: unknown): void {
    for (const connection of this.connections)
      if (connection !== origin && !connection.early) connection.send(message);
  }

  /** Flushes what is queued (until `deadline`), then releases the document's memory and timers. */
  async unload(deadline = Infinity): Promise<boolean> {
    this.closing = true;
    const flushed = this.queue ? await this.queue.drain(deadline) : true;
    this.queue?.stop();
    this.stopRelay();
    this.status.stop();
    this.peers.leave();
    this.presence?.destroy();
    this.scratch?.destroy();
    this.doc?.destroy();
    return flushed;
  }
}
