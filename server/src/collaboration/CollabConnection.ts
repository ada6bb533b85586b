import type { WebSocket } from 'ws';
import type { CollabAwarenessUser, Role } from '@common-ground/shared';
import { can, COLLAB_LIMITS, organisationColour } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { callerIdentity } from '../auth/Caller.ts';
import { markSent } from './keepAlive.ts';
import { TokenBucket } from './TokenBucket.ts';

/** Sent data a connection may leave unread before it is dropped as too slow (watchers on a bad network). */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** One client's WebSocket on a document: who they are, what they may do, and what they have sent so far. */
export class CollabConnection {
  role: Role;
  /** Whether this connection's updates are applied; re-decided when access changes. */
  canEdit: boolean;
  /** Update messages received (sync step 2 and update), the numbering `saved` acknowledges. */
  received = 0;
  /** Highest `received` number whose update is durably stored. */
  saved = 0;
  /** Whether the client sent `subscribeSaved`, so it understands `saved` and `status`. */
  subscribed = false;
  /** Awareness client ids this connection has announced. */
  readonly awarenessClients = new Set<number>();
  awarenessViolations = 0;
  /** Set once an update was refused: later frames are ignored until its earlier updates are stored and it closes. */
  draining = false;
  /** Frames that arrived before the document finished loading (null once it has); handled once, in order. */
  early: Uint8Array[] | null = [];
  private readonly updates: TokenBucket;
  private readonly awareness = new TokenBucket({
    perSecond: COLLAB_LIMITS.awarenessPerSecond,
    burst: COLLAB_LIMITS.awarenessBurst,
  });
  private closed = false;

  constructor(
    readonly ws: WebSocket,
    public caller: Caller,
    role: Role,
    readonly communityId: string,
    rate: { perSecond: number; burst: number },
  ) {
    this.role = role;
    this.canEdit = can(role, 'document.edit');
    this.updates = new TokenBucket(rate);
  }

  /** The identity the server writes into this connection's awareness state. */
  get awarenessUser(): CollabAwarenessUser {
    const identity = callerIdentity(this.caller);
    return {
      id: identity.id,
      name: identity.displayName,
      organisation: identity.organisation,
      color: organisationColour(identity.organisation?.id ?? null),
    };
  }

  /** Whether the socket is still open for sending. */
  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  /** Takes one update from the rate budget; false when the connection is over its rate. */
  takeUpdateToken(): boolean {
    return this.updates.take();
  }

  /** Takes one awareness message from its own budget; false when over it (the message is then dropped). */
  takeAwarenessToken(): boolean {
    return this.awareness.take();
  }

  /** Sends a binary message, dropping a client that has stopped reading rather than buffering without bound. */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.closed = true;
      this.ws.terminate();
      return;
    }
    this.ws.send(message);
    markSent(this.ws);
  }

  /** Stops reading this client's frames (TCP then slows the sender) until {@link resumeReading}. */
  pauseReading(): void {
    if (this.isOpen) this.ws.pause();
  }

  /** Reads this client's frames again. */
  resumeReading(): void {
    if (this.isOpen) this.ws.resume();
  }

  /** Closes with an application code; later calls do nothing. */
  close(code: number, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }
}
