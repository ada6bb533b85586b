import type { Caller } from '../auth/Caller.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { AccessEvent, AccessEvents } from './AccessEvents.ts';
import { SessionLiveness } from './SessionLiveness.ts';

/** Why a connection must close whatever the policy says: signed out, pass revoked, or its session ran out. */
export type AccessEnding = 'session-ended' | 'pass-revoked' | 'expired';

/** A re-check caused by an access change that arrived while the connection was being authorised. */
export interface AuthorisationRaced {
  type: 'authorisation.raced';
}

/** An open-day pass's live window closed: the live room no longer admits it, though the pass goes on. */
export interface LiveWindowClosed {
  type: 'liveWindow.closed';
}

/** What made a connection's access worth asking about again. */
export type RecheckCause =
  Extract<AccessEvent, { type: 'membership.changed' }> | AuthorisationRaced | LiveWindowClosed;

/**
 * How one transport's live connection (a Socket.IO socket, a /collab WebSocket) takes part in the access lifecycle.
 * The adapter asks the one policy and applies its answer; {@link ConnectionAccess} decides when.
 */
export interface AccessAdapter<Decision> {
  /** Who the connection belongs to; indexes it by session, user and pass. */
  readonly caller: Caller;
  /** Asks the policy again; resolves with what to change (null: nothing). Never rejects for a policy "no". */
  recheck(cause: RecheckCause): Promise<Decision | null>;
  /** Applies a re-check's answer (a new role, leaving a room, or closing with the policy's reason). */
  apply(decision: Decision): void;
  /** Closes the connection: its session or pass has ended, or its access could not be re-checked (`unverifiable`). */
  close(ending: AccessEnding | 'unverifiable'): void;
}

/** A point in this instance's stream of access changes, taken before authorising a connection or a join. */
export type AccessMark = number & { readonly __brand: 'AccessMark' };

type Tracked = AccessAdapter<unknown>;

const FORGET_CHANGES_AFTER_MS = 10 * 60_000;
/** The longest delay setTimeout keeps (about 24.8 days); a window further off than that is an open day far ahead. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const PRUNE_ABOVE = 1000;

/**
 * The one owner of live connections' access, for every transport: indexes them by session, user and pass; closes
 * them when a session or pass ends (announced, or found out by the one liveness timer per session); has their
 * adapters ask the policy again when a membership changes; and re-checks a connection whose authorisation raced an
 * access change. Decisions come from the policy through the adapter, never from the event itself.
 */
export class ConnectionAccess {
  private readonly bySession = new Map<string, Set<Tracked>>();
  private readonly byUser = new Map<string, Set<Tracked>>();
  private readonly byPass = new Map<string, Set<Tracked>>();
  private readonly liveness = new Map<string, SessionLiveness>();
  /** The latest change per index key (`user:…`, `session:…`, `pass:…`), so a mark can tell if one raced it. */
  private readonly lastChange = new Map<string, { seq: number; at: number }>();
  private seq = 0;
  /** Marks older than this can no longer be answered exactly; they are treated as raced. */
  private forgottenUpTo = 0;
  private readonly unsubscribe: () => void;

  constructor(
    accessEvents: AccessEvents,
    private readonly env: Pick<
      Env,
      'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'SESSION_RECHECK_SECONDS'
    >,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = accessEvents.subscribe((event) => this.handle(event));
  }

  /** Marks the present, before authorising; {@link changedSince} then says whether a change touched the caller. */
  mark(): AccessMark {
    return this.seq as AccessMark;
  }

  /** Whether an access change touching this caller (its user, session or pass) arrived after `mark`. */
  changedSince(mark: AccessMark, caller: Caller): boolean {
    if (mark < this.forgottenUpTo) return true;
    return keysOf(caller).some(([kind, id]) => (this.lastChange.get(`${kind}:${id}`)?.seq ?? 0) > mark);
  }

  /**
   * Watches a connection until the returned function is called (when it closes). When an access change touching its
   * caller arrived after `authorisedFrom`, it was decided without this connection, so the adapter asks again now.
   */
  track<Decision>(adapter: AccessAdapter<Decision>, authorisedFrom: AccessMark): () => void {
    const tracked = adapter as Tracked;
    const { caller } = adapter;
    const keys = keysOf(caller);
    for (const [kind, key] of keys) add(this.index(kind), key, tracked);
    this.watchLiveness(caller);
    const stopWindow = this.watchLiveWindow(tracked);
    if (this.changedSince(authorisedFrom, caller)) this.recheck(tracked, { type: 'authorisation.raced' });
    let tracking = true;
    return () => {
      if (!tracking) return;
      tracking = false;
      stopWindow();
      for (const [kind, key] of keys) remove(this.index(kind), key, tracked);
      if (!this.bySession.has(caller.sessionId)) {
        this.liveness.get(caller.sessionId)?.stop();
        this.liveness.delete(caller.sessionId);
      }
    };
  }

  /** Stops listening for access changes and every liveness timer. */
  stop(): void {
    this.unsubscribe();
    for (const liveness of this.liveness.values()) liveness.stop();
    this.liveness.clear();
  }

  /** A registration's pass admits to the live room only in its window: ask the policy again when the window closes. */
  private watchLiveWindow(tracked: Tracked): () => void {
    const { caller } = tracked;
    if (caller.kind !== 'visitor' || !caller.openDay) return () => undefined;
    const untilClose = caller.openDay.liveUntil.getTime() - Date.now();
    if (untilClose <= 0 || untilClose > MAX_TIMER_MS) return () => undefined;
    const timer = setTimeout(() => this.recheck(tracked, { type: 'liveWindow.closed' }), untilClose + 1000);
    timer.unref();
    return () => clearTimeout(timer);
  }

  private watchLiveness(caller: Caller): void {
    const existing = this.liveness.get(caller.sessionId);
    if (existing) return existing.noteExpiry(caller.expiresAt);
    const liveness = new SessionLiveness(caller.sessionId, caller.expiresAt, this.env, () => {
      this.liveness.delete(caller.sessionId);
      this.closeAll(this.bySession.get(caller.sessionId), 'expired');
    });
    this.liveness.set(caller.sessionId, liveness);
  }

  private handle(event: AccessEvent): void {
    this.remember(event);
    if (event.type === 'session.ended') this.closeAll(this.bySession.get(event.sessionId), 'session-ended');
    else if (event.type === 'pass.revoked') this.closeAll(this.byPass.get(event.passId), 'pass-revoked');
    else for (const tracked of [...(this.byUser.get(event.userId) ?? [])]) this.recheck(tracked, event);
  }

  private recheck(tracked: Tracked, cause: RecheckCause): void {
    tracked
      .recheck(cause)
      .then((decision) => {
        if (decision !== null) tracked.apply(decision);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          { err: error, cause },
          'could not re-check a connection’s access; closing to be safe',
        );
        tracked.close('unverifiable');
      });
  }

  private closeAll(connections: Set<Tracked> | undefined, ending: AccessEnding): void {
    for (const tracked of [...(connections ?? [])]) {
      try {
        tracked.close(ending);
      } catch (error) {
        this.logger.error({ err: error, ending }, 'could not close a connection whose access ended');
      }
    }
  }

  private remember(event: AccessEvent): void {
    this.seq += 1;
    const now = Date.now();
    const key =
      event.type === 'session.ended'
        ? `session:${event.sessionId}`
        : event.type === 'pass.revoked'
          ? `pass:${event.passId}`
          : `user:${event.userId}`;
    this.lastChange.set(key, { seq: this.seq, at: now });
    if (this.lastChange.size <= PRUNE_ABOVE) return;
    for (const [old, change] of this.lastChange) {
      if (now - change.at < FORGET_CHANGES_AFTER_MS) continue;
      this.lastChange.delete(old);
      this.forgottenUpTo = Math.max(this.forgottenUpTo, change.seq);
    }
  }

  private index(kind: 'session' | 'user' | 'pass'): Map<string, Set<Tracked>> {
    return kind === 'session' ? this.bySession : kind === 'user' ? this.byUser : this.byPass;
  }
}

function keysOf(caller: Caller): ['session' | 'user' | 'pass', string][] {
  const keys: ['session' | 'user' | 'pass', string][] = [['session', caller.sessionId]];
  if (caller.kind === 'user') keys.push(['user', caller.user.id]);
  else keys.push(['pass', caller.passId]);
  return keys;
}

function add(map: Map<string, Set<Tracked>>, key: string, tracked: Tracked): void {
  const set = map.get(key) ?? new Set();
  set.add(tracked);
  map.set(key, set);
}

function remove(map: Map<string, Set<Tracked>>, key: string, tracked: Tracked): void {
  const set = map.get(key);
  set?.delete(tracked);
  if (set?.size === 0) map.delete(key);
}
