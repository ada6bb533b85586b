import { EventEmitter } from 'node:events';
import { AccessChange } from '../models/AccessChange.ts';
import type { Logger } from '../logger.ts';
import { trusted } from '../database/trusted.ts';

/** Something that changed who may do what; open connections re-check themselves when one touches them. */
export type AccessEvent =
  | { type: 'membership.changed'; communityId: string; userId: string }
  | { type: 'session.ended'; sessionId: string }
  | { type: 'pass.revoked'; passId: string };

const POLL_MS = 300;
// Each poll re-reads 15 s of changes, so a slow write or a skewed clock on another instance cannot hide one.
const OVERLAP_MS = 15_000;
const RETAIN_MS = 60 * 60 * 1000;

/**
 * A bus of access changes that works across server instances: a change is written to MongoDB and emitted locally at
 * once; every instance polls for changes written by the others, so each open connection hears of it within a second.
 */
export class AccessEvents {
  private readonly emitter = new EventEmitter();
  private readonly logger: Logger;
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private lastPoll = Date.now();
  private polling = false;
  private lastSweep = 0;

  constructor(options: { logger: Logger }) {
    this.logger = options.logger;
    this.emitter.setMaxListeners(0);
  }

  /** Records a change and tells this instance's listeners straight away. */
  async publish(event: AccessEvent): Promise<void> {
    const record = await AccessChange.create({ ...event, at: new Date() });
    this.seen.set(String(record._id), Date.now());
    this.emitter.emit('event', event);
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
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    const now = Date.now();
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
