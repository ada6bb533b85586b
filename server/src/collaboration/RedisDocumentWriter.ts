import type { DocumentWriter, ForwardedUpdateHandler, WriteStats } from './DocumentWriter.ts';
import type { WriterLeases } from './WriterLeases.ts';

/** A forward unanswered this long is sent again, or written here when the holder has gone. */
const FORWARD_ACK_MS = 2_000;
/** Forward ids a holder remembers, so a forward sent twice is stored once and acknowledged again. */
const REMEMBERED_FORWARDS = 4_096;

/** Frame types on a document's forward channel. */
const FRAME = { forward: 1, ack: 2, released: 3 } as const;
const INSTANCE_BYTES = 8;
/** A forward id: the forwarding instance's id and a counter. */
const ID_BYTES = INSTANCE_BYTES + 4;

/** What a document's writer needs from the instance's bus. */
export interface WriterBus {
  instanceId: Buffer;
  leases: WriterLeases;
  /** Whether the bus is connected now. */
  up(): boolean;
  /** Publishes a frame on the document's forward channel. */
  publish(documentId: string, frame: Buffer): void;
}

/**
 * One document's writer on a Redis bus. The instance holding the document's lease appends to the log as before; the
 * others forward each batch on the document's forward channel and wait for the holder's acknowledgement (sent after
 * the stored update was announced on the relay, so the forwarder has applied it by then). An unanswered forward is
 * sent again with the same id (the holder stores it once) until the lease is found free, when this instance takes it
 * and writes the batch itself: Yjs updates are idempotent, so a batch stored twice is harmless, and none is lost.
 */
export class RedisDocumentWriter implements DocumentWriter {
  private otherHolds = false;
  private fresh = false;
  private retired = false;
  private stopped = false;
  private counter = 0;
  private readonly waiting = new Map<string, (seq: number | null) => void>();
  /** Forward ids accepted as holder: 0 while queued, then the seq that stored them (oldest first, bounded). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly documentId: string,
    private readonly bus: WriterBus,
    private readonly handler: ForwardedUpdateHandler,
    readonly stats: WriteStats,
    /** Called once the writer stops, so the bus stops listening on its channel. */
    private readonly onStop: () => void,
  ) {}

  async route(): Promise<'write' | 'forward'> {
    if (this.retired || this.stopped || !this.bus.up()) return 'write';
    if (this.bus.leases.holding(this.documentId)) return 'write';
    if (this.otherHolds) return 'forward';
    const lease = await this.bus.leases.acquire(this.documentId);
    this.otherHolds = lease === 'other';
    if (lease === 'mine') this.fresh = true;
    return lease === 'other' ? 'forward' : 'write';
  }

  async forward(update: Uint8Array, count: number): Promise<number | 'write'> {
    this.counter = (this.counter + 1) >>> 0;
    const id = Buffer.alloc(ID_BYTES);
    this.bus.instanceId.copy(id, 0);
    id.writeUInt32BE(this.counter, INSTANCE_BYTES);
    const key = id.toString('hex');
    const frame = Buffer.allocUnsafe(1 + ID_BYTES + 4 + update.byteLength);
    frame[0] = FRAME.forward;
    id.copy(frame, 1);
    frame.writeUInt32BE(count, 1 + ID_BYTES);
    frame.set(update, 1 + ID_BYTES + 4);
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) {
        this.stats.forwardRetries += 1;
        // Ask Redis again who holds the lease: free means ours now, and then this instance writes the batch.
        this.otherHolds = false;
      }
      if ((await this.route()) === 'write') return 'write';
      const acknowledged = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => settle(null), FORWARD_ACK_MS);
        const settle = (seq: number | null) => {
          clearTimeout(timer);
          this.waiting.delete(key);
          resolve(seq);
        };
        this.waiting.set(key, settle);
      });
      if (attempt === 0) this.stats.forwarded += 1;
      this.bus.publish(this.documentId, frame);
      const seq = await acknowledged;
      if (seq !== null) return seq;
    }
  }

  sole(): boolean {
    return this.bus.up() && this.bus.leases.holding(this.documentId);
  }

  tookLease(): boolean {
    const fresh = this.fresh;
    this.fresh = false;
    return fresh;
  }

  acknowledge(seq: number, forwardIds: string[]): void {
    if (!forwardIds.length) return;
    for (const key of forwardIds) this.remember(key, seq);
    this.publishAck(seq, forwardIds);
  }

  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.letGo();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.letGo();
    for (const settle of [...this.waiting.values()]) settle(null);
    this.onStop();
  }

  /** Takes one frame from the document's forward channel (frames from this instance never arrive here). */
  receive(frame: Buffer): void {
    if (frame[0] === FRAME.forward && frame.byteLength >= 1 + ID_BYTES + 4) return this.receiveForward(frame);
    if (frame[0] === FRAME.ack && frame.byteLength >= 1 + INSTANCE_BYTES + 10) return this.receiveAck(frame);
    if (frame[0] === FRAME.released) {
      // The holder let go: whoever asks next takes the lease, and unanswered forwards go there without waiting.
      this.otherHolds = false;
      for (const settle of [...this.waiting.values()]) settle(null);
    }
  }

  private receiveForward(frame: Buffer): void {
    if (this.retired || this.stopped || !this.bus.leases.holding(this.documentId)) return;
    const key = frame.subarray(1, 1 + ID_BYTES).toString('hex');
    const stored = this.seen.get(key);
    if (stored !== undefined) {
      // Sent again because our acknowledgement was late or lost: acknowledge once more, never store twice.
      if (stored > 0) this.publishAck(stored, [key]);
      return;
    }
    this.remember(key, 0);
    const count = frame.readUInt32BE(1 + ID_BYTES);
    const update = new Uint8Array(frame.subarray(1 + ID_BYTES + 4));
    this.stats.storedForOthers += 1;
    this.handler.accept(key, update, count);
  }

  private receiveAck(frame: Buffer): void {
    const seq = Number(frame.readBigUInt64BE(1 + INSTANCE_BYTES));
    const ids = frame.readUInt16BE(1 + INSTANCE_BYTES + 8);
    const start = 1 + INSTANCE_BYTES + 10;
    for (let i = 0; i < ids; i += 1) {
      const id = frame.subarray(start + i * ID_BYTES, start + (i + 1) * ID_BYTES);
      if (id.byteLength < ID_BYTES) return;
      if (!id.subarray(0, INSTANCE_BYTES).equals(this.bus.instanceId)) continue;
      this.waiting.get(id.toString('hex'))?.(seq);
    }
  }

  private publishAck(seq: number, keys: string[]): void {
    // Frames stay well under Redis limits: at most 65,535 ids each.
    for (let from = 0; from < keys.length; from += 0xffff) {
      const chunk = keys.slice(from, from + 0xffff);
      const frame = Buffer.allocUnsafe(1 + INSTANCE_BYTES + 10 + chunk.length * ID_BYTES);
      frame[0] = FRAME.ack;
      this.bus.instanceId.copy(frame, 1);
      frame.writeBigUInt64BE(BigInt(seq), 1 + INSTANCE_BYTES);
      frame.writeUInt16BE(chunk.length, 1 + INSTANCE_BYTES + 8);
      chunk.forEach((key, i) => frame.write(key, 1 + INSTANCE_BYTES + 10 + i * ID_BYTES, 'hex'));
      this.bus.publish(this.documentId, frame);
    }
  }

  private remember(key: string, seq: number): void {
    this.seen.delete(key);
    this.seen.set(key, seq);
    if (this.seen.size > REMEMBERED_FORWARDS) this.seen.delete(this.seen.keys().next().value!);
  }

  private letGo(): void {
    const released = Buffer.allocUnsafe(1 + INSTANCE_BYTES);
    released[0] = FRAME.released;
    this.bus.instanceId.copy(released, 1);
    void this.bus.leases.release(this.documentId).then((held) => {
      if (held) this.bus.publish(this.documentId, released);
    });
  }
}
