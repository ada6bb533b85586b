import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { DocumentRelay } from './DocumentRelay.ts';
import { emptyWriteStats, type DocumentWriter, type ForwardedUpdateHandler } from './DocumentWriter.ts';
import { RedisDocumentWriter, type WriterBus } from './RedisDocumentWriter.ts';
import { WriterLeases } from './WriterLeases.ts';
import type { PeerPresence, PeerPresenceHandlers } from './PeerPresence.ts';
import { documentOfPresenceChannel, presenceChannel, RedisPeerPresence } from './RedisPeerPresence.ts';

/** How often every subscribed document reads its log for announcements that never arrived. */
const RESYNC_EVERY_MS = 10_000;
const CHANNEL_PREFIX = 'common-ground:doc:';
/** A document's forward channel: updates for its lease holder, the holder's acknowledgements, "lease released". */
const FORWARD_PREFIX = 'common-ground:fwd:';
/** Frame: 8 bytes of the sending instance's id, 8 bytes of seq (big-endian), then the update. */
const HEADER_BYTES = 16;

interface Subscription {
  listener: (seq: number, update: Uint8Array) => void;
  resync?: () => void;
}

/**
 * Announces each stored update on its document's Redis channel, and hands other instances' announcements to the
 * rooms loaded here. Pub/sub may drop announcements while Redis is away; the rooms then read the stored log, on
 * reconnect and every {@link RESYNC_EVERY_MS}, so a lost announcement delays an update but never loses it.
 */
export class RedisDocumentRelay implements DocumentRelay {
  private readonly instanceId = randomBytes(8);
  private readonly subscriber: Redis;
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private readonly presences = new Map<string, RedisPeerPresence>();
  private readonly writers = new Map<string, RedisDocumentWriter>();
  /** What every document's writer shares: this instance's id, its leases, the forward channels. */
  private readonly bus: WriterBus;
  readonly stats = emptyWriteStats();
  private readonly resyncTimer: NodeJS.Timeout;
  private connectedBefore = false;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    this.bus = {
      instanceId: this.instanceId,
      leases: new WriterLeases(redis, this.instanceId.toString('hex'), logger),
      up: () => redis.status === 'ready',
      publish: (documentId, frame) => {
        redis.publish(FORWARD_PREFIX + documentId, frame).catch(() => undefined);
      },
    };
    this.subscriber = redis.duplicate();
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('ready', () => {
      // The first connection has nothing to recover; every later one may have missed announcements.
      if (this.connectedBefore) this.resyncAll();
      this.connectedBefore = true;
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.resyncTimer = setInterval(() => {
      this.resyncAll();
      for (const presence of this.presences.values()) presence.refresh();
    }, RESYNC_EVERY_MS);
    this.resyncTimer.unref();
  }

  /** Publishes an update already stored at `seq`; Redis queues it while reconnecting. */
  publish(documentId: string, seq: number, update: Uint8Array): void {
    const frame = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength);
    this.instanceId.copy(frame, 0);
    frame.writeBigUInt64BE(BigInt(seq), 8);
    frame.set(update, HEADER_BYTES);
    this.redis.publish(CHANNEL_PREFIX + documentId, frame).catch((error: unknown) => {
      this.logger.warn(
        { err: error, documentId, seq },
        'could not announce a stored update; peers will read the log',
      );
    });
  }

  /** Subscribes this instance to a document's channel while at least one room here listens to it. */
  subscribe(
    documentId: string,
    listener: (seq: number, update: Uint8Array) => void,
    resync?: () => void,
  ): () => void {
    const subscription: Subscription = { listener, resync };
    let set = this.subscriptions.get(documentId);
    if (!set) {
      set = new Set();
      this.subscriptions.set(documentId, set);
      this.subscriber.subscribe(CHANNEL_PREFIX + documentId).catch(() => undefined);
    }
    set.add(subscription);
    return () => {
      set.delete(subscription);
      if (set.size === 0 && this.subscriptions.get(documentId) === set) {
        this.subscriptions.delete(documentId);
        this.subscriber.unsubscribe(CHANNEL_PREFIX + documentId).catch(() => undefined);
      }
    };
  }

  /** Joins the document's presence channel; once listening, the new link asks peers for their current presence. */
  presence(documentId: string, handlers: PeerPresenceHandlers): PeerPresence {
    this.presences.get(documentId)?.leave();
    const channel = presenceChannel(documentId);
    const presence = new RedisPeerPresence(this.redis, this.instanceId, documentId, handlers, () => {
      if (this.presences.get(documentId) !== presence) return;
      this.presences.delete(documentId);
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    });
    this.presences.set(documentId, presence);
    this.subscriber.subscribe(channel).then(
      () => presence.ask(),
      () => undefined,
    );
    return presence;
  }

  /**
   * The document's writer: this instance writes while it holds the document's lease (taken when free at its first
   * write), and otherwise forwards its batches to the holder on the document's forward channel.
   */
  writer(documentId: string, handler: ForwardedUpdateHandler): DocumentWriter {
    this.writers.get(documentId)?.stop();
    const channel = FORWARD_PREFIX + documentId;
    const writer = new RedisDocumentWriter(documentId, this.bus, handler, this.stats, () => {
      if (this.writers.get(documentId) !== writer) return;
      this.writers.delete(documentId);
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    });
    this.writers.set(documentId, writer);
    this.subscriber.subscribe(channel).catch(() => undefined);
    return writer;
  }

  /** Stops listening; the shared publishing connection belongs to the caller. */
  close(): void {
    clearInterval(this.resyncTimer);
    this.bus.leases.close();
    this.subscriber.disconnect();
  }

  private receive(channel: Buffer, message: Buffer): void {
    const name = channel.toString();
    if (name.startsWith(FORWARD_PREFIX)) {
      if (message.byteLength < 9 || message.subarray(1, 9).equals(this.instanceId)) return;
      return this.writers.get(name.slice(FORWARD_PREFIX.length))?.receive(message);
    }
    if (message.byteLength < 8 || message.subarray(0, 8).equals(this.instanceId)) return;
    const presenceOf = documentOfPresenceChannel(name);
    if (presenceOf !== null) return this.presences.get(presenceOf)?.receive(message);
    if (message.byteLength < HEADER_BYTES) return;
    const documentId = name.slice(CHANNEL_PREFIX.length);
    const seq = Number(message.readBigUInt64BE(8));
    const update = new Uint8Array(
      message.buffer,
      message.byteOffset + HEADER_BYTES,
      message.byteLength - HEADER_BYTES,
    );
    for (const subscription of this.subscriptions.get(documentId) ?? []) subscription.listener(seq, update);
  }

  private resyncAll(): void {
    for (const set of this.subscriptions.values()) for (const subscription of set) subscription.resync?.();
  }
}
