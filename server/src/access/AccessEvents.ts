import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { AccessChange } from '../models/AccessChange.ts';
import type { Logger } from '../logger.ts';
import { trusted } from '../database/trusted.ts';

/** Something that changed who may do what; open connections re-check themselves when one touches them. */
export type AccessEvent =
  | { type: 'membership.changed'; communityId: string; userId: string }
  | { type: 'session.ended'; sessionId: string }
  | { type: 'pass.revoked'; passId: string };

const POLL_MS = 300;
/** With the Redis bus up, changes arrive through it; the database poll only catches what a Redis outage dropped. */
const POLL_WITH_BUS_MS = 3_000;
const CHANNEL = 'common-ground:access';
// Each poll re-reads 15 s of changes, so a slow write or a skewed clock on another instance cannot hide one.
const OVERLAP_MS = 15_000;
const RETAIN_MS = 60 * 60 * 1000;

/**
 * A bus of access changes that works across server instances: a change is written to MongoDB and emitted locally at
 * once. With Redis, it is also published there, so every instance hears it within milliseconds; every instance also
 * polls MongoDB for changes written by the others (every 300 ms, or every 3 s while the Redis bus is up), so a change
 * reaches each open connection within a second even when Redis is down.
 */
export class AccessEvents {
  private readonly emitter = new EventEmitter();
  private readonly logger: Logger;
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private lastPoll = Date.now();
  private polling = false;
  private lastSweep = 0;
  private readonly redis: Redis | null;
  private subscriber: Redis | null = null;
  private readonly pollWithBusMs: number;

  constructor(options: { logger: Logger; redis?: Redis | null; pollWithBusMs?: number }) {
    this.logger = options.logger;
    this.redis = options.redis ?? null;
    this.pollWithBusMs = options.pollWithBusMs ?? POLL_WITH_BUS_MS;
    this.emitter.setMaxListeners(0);
  }

  /** Records a change, tells this instance's listeners straight away, and the other instances through Redis. */
  async publish(event: AccessEvent): Promise<void> {
    const record = await AccessChange.create({ ...event, at: new Date() });
    const id = String(record._id);
    this.seen.set(id, Date.now());
    this.emitter.emit('event', event);
    this.redis?.publish(CHANNEL, JSON.stringify({ id, event })).catch(() => undefined);
  }

  /** Listens for changes; returns the function that stops listening. Starts polling on first use. */
  subscribe(listener: (event: AccessEvent) => void): () => void {
    this.emitter.on('event', listener);
    this.start();
    return () => this.emitter.off('event', listener);
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
    if (this.redis) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
      this.subscriber.subscribe(CHANNEL).catch(() => undefined);
    }
  }

  /** A change announced by another instance; ignored when already seen (through the poll, or our own). */
  private receive(message: string): void {
    let parsed: { id?: unknown; event?: unknown };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.id !== 'string' || this.seen.has(parsed.id)) return;
    const event = toEvent((parsed.event ?? {}) as Parameters<typeof toEvent>[0]);
    if (!event) return;
    this.seen.set(parsed.id, Date.now());
    this.emitter.emit('event', event);
  }

  private busUp(): boolean {
    return this.redis?.status === 'ready' && this.subscriber?.status === 'ready';
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    const now = Date.now();
    if (this.busUp() && now - this.lastPoll < this.pollWithBusMs) return;
    this.polling = true;
    try {
      const since = new Date(this.lastPoll - OVERLAP_MS);
      const changes = await AccessChange.find({ at: trusted({ $gte: since }) }).lean();
      this.lastPoll = now;
      for (const change of changes) {
        const id = String(change._id);
        if (this.seen.has(id)) continue;
        this.seen.set(id, now);
        const event = toEvent(change);
        if (event) this.emitter.emit('event', event);
      }
      for (const [id, at] of this.seen) if (now - at > OVERLAP_MS * 2) this.seen.delete(id);
      if (now - this.lastSweep > 60_000) {
        this.lastSweep = now;
        await AccessChange.deleteMany({ at: trusted({ $lt: new Date(now - RETAIN_MS) }) });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not poll access changes; retrying');
    } finally {
      this.polling = false;
    }
  }

  /** Stops polling. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.subscriber?.disconnect();
    this.subscriber = null;
    this.emitter.removeAllListeners();
  }
}

function toEvent(change: {
  type: string;
  communityId?: string | null;
  userId?: string | null;
  sessionId?: string | null;
  passId?: string | null;
}): AccessEvent | null {
  if (change.type === 'membership.changed' && change.communityId && change.userId)
    return { type: 'membership.changed', communityId: change.communityId, userId: change.userId };
  if (change.type === 'session.ended' && change.sessionId)
    return { type: 'session.ended', sessionId: change.sessionId };
  if (change.type === 'pass.revoked' && change.passId) return { type: 'pass.revoked', passId: change.passId };
  return null;
}
