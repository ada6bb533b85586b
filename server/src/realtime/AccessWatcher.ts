import { SOCKET_EVENTS } from '@common-ground/shared';
import type { AccessEvent, AccessEvents } from '../access/AccessEvents.ts';
import { callerFromSessionId } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import { loadRoomForCaller } from '../policies/roomPolicy.ts';
import type { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { placeInRoom, removeFromRoom } from './roomHandlers.ts';
import type { DiscussionSocket } from './socketTypes.ts';

/**
 * Keeps this instance's open sockets in step with access changes published by any instance: a removed member leaves
 * the community's rooms at once, a changed role takes effect on open sockets, and an ended session or revoked pass
 * disconnects. Decisions come from the room policy, never from the event itself.
 */
export class AccessWatcher {
  private readonly byUser = new Map<string, Set<DiscussionSocket>>();
  /** Access changes seen per user, so a join that raced one can tell and ask the policy again. */
  private readonly changesByUser = new Map<string, number>();
  private readonly sessionTimer: NodeJS.Timeout;
  private readonly bySession = new Map<string, Set<DiscussionSocket>>();
  private readonly byPass = new Map<string, Set<DiscussionSocket>>();
  private readonly unsubscribe: () => void;

  constructor(
    accessEvents: AccessEvents,
    private readonly broadcaster: DiscussionBroadcaster,
    private readonly env: Pick<
      Env,
      'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'SESSION_RECHECK_SECONDS'
    >,
    private readonly logger: Logger,
  ) {
    this.unsubscribe = accessEvents.subscribe((event) => void this.handle(event));
    // Sessions and visitor passes also end by expiring, which publishes nothing: each socket is disconnected at its
    // caller's expiry time, and every open session is looked up again every SESSION_RECHECK_SECONDS (idle expiry).
    this.sessionTimer = setInterval(() => void this.recheckSessions(), env.SESSION_RECHECK_SECONDS * 1000);
    this.sessionTimer.unref();
  }

  /** How many access changes touched this user so far (0 for visitors, whose passes are handled by disconnecting). */
  changeCount(userId: string | null): number {
    return userId ? (this.changesByUser.get(userId) ?? 0) : 0;
  }

  private async recheckSessions(): Promise<void> {
    for (const [sessionId, sockets] of [...this.bySession]) {
      const caller = await callerFromSessionId(sessionId, this.env, { touch: false }).catch(() => undefined);
      if (caller === null) this.disconnectAll(sockets);
    }
  }

  /** Starts watching a connection until it disconnects. */
  track(socket: DiscussionSocket): void {
    const { caller } = socket.data;
    const keys: [Map<string, Set<DiscussionSocket>>, string][] = [[this.bySession, caller.sessionId]];
    if (caller.kind === 'user') keys.push([this.byUser, caller.user.id]);
    else keys.push([this.byPass, caller.passId]);
    for (const [map, key] of keys) {
      const set = map.get(key) ?? new Set();
      set.add(socket);
      map.set(key, set);
    }
    const untilExpiry = caller.expiresAt.getTime() - Date.now();
    const expiry =
      untilExpiry < 2 ** 31
        ? setTimeout(() => this.disconnectAll(new Set([socket])), Math.max(0, untilExpiry))
        : null;
    expiry?.unref();
    socket.once('disconnect', () => {
      if (expiry) clearTimeout(expiry);
      for (const [map, key] of keys) {
        const set = map.get(key);
        set?.delete(socket);
        if (set?.size === 0) map.delete(key);
      }
    });
  }

  private async handle(event: AccessEvent): Promise<void> {
    try {
      if (event.type === 'session.ended') this.disconnectAll(this.bySession.get(event.sessionId));
      else if (event.type === 'pass.revoked') this.disconnectAll(this.byPass.get(event.passId));
      else {
        this.changesByUser.set(event.userId, this.changeCount(event.userId) + 1);
        await Promise.all(
          [...(this.byUser.get(event.userId) ?? [])].map((socket) => this.recheck(socket, event.communityId)),
        );
      }
    } catch (error) {
      this.logger.error({ err: error, event }, 'could not apply an access change to open sockets');
    }
  }

  private disconnectAll(sockets: Set<DiscussionSocket> | undefined): void {
    for (const socket of [...(sockets ?? [])]) {
      for (const roomId of Object.keys(socket.data.rooms)) {
        socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role: null });
        this.broadcaster.presenceChanged(roomId);
      }
      socket.disconnect(true);
    }
  }

  private async recheck(socket: DiscussionSocket, communityId: string): Promise<void> {
    for (const [roomId, joined] of Object.entries(socket.data.rooms)) {
      if (joined.communityId !== communityId) continue;
      const access = await loadRoomForCaller(socket.data.caller, roomId).catch(() => null);
      if (!access) {
        removeFromRoom(socket, roomId);
        socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role: null });
        this.broadcaster.presenceChanged(roomId);
      } else if (access.role !== joined.role) {
        placeInRoom(socket, roomId, communityId, access.role);
        socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role: access.role });
      }
    }
  }

  /** Stops listening for access changes. */
  stop(): void {
    clearInterval(this.sessionTimer);
    this.unsubscribe();
  }
}
