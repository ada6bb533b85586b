import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server as SocketServer } from 'socket.io';
import { SOCKET_IO_PATH } from '@common-ground/shared';
import type { AppContext } from '../AppContext.ts';
import { callerIdentity } from '../auth/Caller.ts';
import { callerFromRequest } from '../auth/sessionStore.ts';
import { userChannel } from './channels.ts';
import { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { guardRecovery } from './guardRecovery.ts';
import { registerMeetingHandlers } from './meetingHandlers.ts';
import { registerMessageHandlers } from './messageHandlers.ts';
import { registerRoomHandlers } from './roomHandlers.ts';
import { registerOpenDayHandlers } from './openDayHandlers.ts';
import { socketAccess } from './socketAccess.ts';
import type { DiscussionServer } from './socketTypes.ts';

/**
 * Attaches Socket.IO to the HTTP server: refuses handshakes from foreign origins and without a session or visitor
 * cookie, then serves the discussion events. Every event asks the room policy afresh.
 */
export function createSocketServer(httpServer: HttpServer, context: AppContext): DiscussionServer {
  const { env, logger } = context;
  const { redis } = context.services;
  const io: DiscussionServer = new SocketServer(httpServer, {
    path: SOCKET_IO_PATH,
    // With the Redis bus, every emit reaches sockets on every instance, and a briefly disconnected client gets what it
    // missed. Recovery is best-effort; the seq catch-up on re-join stays the guarantee.
    ...(redis && {
      adapter: guardRecovery(createAdapter(redis, { streamName: 'common-ground:socket.io' }), env, logger),
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    }),
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => {
      const allowed = context.originPolicy.isAllowed(req, { allowMissing: true });
      callback(allowed ? null : 'origin refused', allowed);
    },
  });
  const broadcaster = new DiscussionBroadcaster(io, logger);
  context.services.discussionNews.onMessagesChanged((messages) => {
    for (const message of messages) broadcaster.messageUpdated(message);
  });
  const { connectionAccess, meetings } = context.services;
  meetings.attach(io);
  context.services.openDays.attach(io);

  io.use((socket, next) => {
    callerFromRequest(socket.request, env).then(
      (caller) => {
        if (!caller) {
          const error = new Error('unauthenticated') as Error & { data?: unknown };
          error.data = { code: 'unauthenticated', message: 'Sign in to continue.' };
          return next(error);
        }
        socket.data.caller = caller;
        socket.data.identity = { ...callerIdentity(caller), visitor: caller.kind !== 'user' };
        socket.data.rooms = {};
        socket.data.meetings = {};
        next();
      },
      (error: unknown) => {
        logger.error({ err: error }, 'could not resolve a socket caller');
        next(new Error('unavailable'));
      },
    );
  });

  io.on('connection', (socket) => {
    const { caller } = socket.data;
    if (caller.kind === 'user') void socket.join(userChannel(caller.user.id));
    const untrack = connectionAccess.track(socketAccess(socket, broadcaster), connectionAccess.mark());
    registerRoomHandlers(socket, broadcaster, connectionAccess, logger);
    // Links in mention emails: the configured public origin, else the (allowed) origin this socket came from.
    const { headers } = socket.handshake;
    const origin = env.PUBLIC_ORIGIN ?? headers.origin ?? `http://${headers.host ?? 'localhost'}`;
    registerMessageHandlers(socket, broadcaster, env, logger, { mailer: context.services.mailer, origin });
    registerOpenDayHandlers(socket, context.services.openDays, logger);
    registerMeetingHandlers(socket, broadcaster, meetings, logger);
    socket.on('disconnect', () => {
      untrack();
      for (const roomId of Object.keys(socket.data.rooms)) broadcaster.presenceChanged(roomId);
    });
  });

  io.engine.on('close', () => undefined);
  const close = io.close.bind(io);
  io.close = (callback) => {
    broadcaster.stop();
    return close(callback);
  };
  return io;
}
