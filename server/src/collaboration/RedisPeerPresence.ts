import type { Redis } from 'ioredis';
import type { PeerPresence, PeerPresenceHandlers } from './PeerPresence.ts';

const CHANNEL_PREFIX = 'common-ground:presence:';
/** A peer's headcount counts for this long after its last announcement (it re-announces every refresh). */
export const HEADCOUNT_TTL_MS = 30_000;

/** Frame kinds on a document's presence channel: awareness, headcount, query. */
const KIND = { awareness: 0, headcount: 1, query: 2 } as const;

/** The channel name of a document's presence. */
export const presenceChannel = (documentId: string): string => CHANNEL_PREFIX + documentId;

/** Parses a document id back out of a presence channel name, or null for other channels. */
export function documentOfPresenceChannel(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null;
}

/**
 * One room's presence on Redis pub/sub. Frames are 8 bytes of instance id, one kind byte, then the payload; nothing is
 * stored, and a peer that vanishes drops out when its awareness and headcount time out.
 */
export class RedisPeerPresence implements PeerPresence {
  private readonly headcounts = new Map<string, { watchers: number; at: number }>();
  private lastWatchers = 0;

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: Buffer,
    private readonly documentId: string,
    readonly handlers: PeerPresenceHandlers,
    private readonly onLeave: () => void,
  ) {}

  /** Asks peers for their current presence (sent once this instance listens, so the answers are heard). */
  ask(): void {
    this.send(KIND.query, new Uint8Array(0));
  }

  publishAwareness(update: Uint8Array): void {
    this.send(KIND.awareness, update);
  }

  publishHeadcount(watchers: number): void {
    this.lastWatchers = watchers;
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(watchers);
    this.send(KIND.headcount, payload);
  }

  /** Re-announces this instance's headcount, so peers keep counting it. */
  refresh(): void {
    if (this.lastWatchers > 0) this.publishHeadcount(this.lastWatchers);
  }

  remoteWatchers(): number {
    const now = Date.now();
    let total = 0;
    for (const [instance, { watchers, at }] of this.headcounts) {
      if (now - at > HEADCOUNT_TTL_MS) this.headcounts.delete(instance);
      else total += watchers;
    }
    return total;
  }

  leave(): void {
    if (this.lastWatchers > 0) this.publishHeadcount(0);
    this.onLeave();
  }

  /** Handles a frame from another instance. */
  receive(frame: Buffer): void {
    if (frame.byteLength < 9) return;
    const sender = frame.subarray(0, 8).toString('hex');
    const payload = new Uint8Array(frame.buffer, frame.byteOffset + 9, frame.byteLength - 9);
    switch (frame[8]) {
      case KIND.awareness:
        this.handlers.awareness(payload);
        break;
      case KIND.headcount:
        if (payload.byteLength !== 4) return;
        this.headcounts.set(sender, { watchers: Buffer.from(payload).readUInt32BE(0), at: Date.now() });
        this.handlers.headcountChanged();
        break;
      case KIND.query:
        this.handlers.query();
        break;
    }
  }

  private send(kind: number, payload: Uint8Array): void {
    const frame = Buffer.allocUnsafe(9 + payload.byteLength);
    this.instanceId.copy(frame, 0);
    frame[8] = kind;
    frame.set(payload, 9);
    this.redis.publish(presenceChannel(this.documentId), frame).catch(() => undefined);
  }
}
