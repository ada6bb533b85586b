import type { Adapter } from 'socket.io-adapter';
import { can } from '@common-ground/shared';
import { callerFromSessionId } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import { loadRoomForCaller } from '../policies/roomPolicy.ts';
import type { SocketData } from './socketTypes.ts';

type AdapterFactory = (nsp: unknown) => Adapter;
type SessionTimes = Pick<Env, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

/**
 * Socket.IO replays a recovered connection's missed packets before any middleware runs. So a session is only restored
 * when its caller is still signed in and still holds the same access to every room it was in; otherwise the client
 * connects afresh, is authenticated again, re-joins and catches up by seq, seeing only what it may see now.
 */
export function guardRecovery(factory: AdapterFactory, env: SessionTimes, logger: Logger): AdapterFactory {
  // Socket.IO calls the factory with `new`, so it must be a plain function that returns the adapter.
  return function guardedAdapter(nsp: unknown) {
    const adapter = factory(nsp);
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      if (!session) return session;
      const allowed = await stillAllowed(session.data as SocketData, env).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not re-check a recovered socket; connecting it afresh');
        return false;
      });
      // Socket.IO treats a failed restore as no session: the client connects afresh.
      if (!allowed) throw new Error('connection state not recovered: access changed while disconnected');
      return session;
    };
    return adapter;
  };
}

async function stillAllowed(data: SocketData | undefined, env: SessionTimes): Promise<boolean> {
  if (!data?.caller?.sessionId) return false;
  const caller = await callerFromSessionId(data.caller.sessionId, env, { touch: false });
  if (!caller || caller.kind !== data.caller.kind) return false;
  for (const [roomId, joined] of Object.entries(data.rooms ?? {})) {
    const { role } = await loadRoomForCaller(caller, roomId).catch(() => ({ role: null }));
    if (!role || !can(role, 'discussion.read')) return false;
    // The moderators' channel carries hidden messages' text: a changed moderation right means a fresh join.
    if (can(role, 'room.moderate') !== can(joined.role, 'room.moderate')) return false;
    if (can(role, 'discussion.post') !== can(joined.role, 'discussion.post')) return false;
  }
  return true;
}
