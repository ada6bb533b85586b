import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_IO_PATH,
  type ClientEvent,
  type ClientEventAck,
  type ClientEventPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketError,
} from '@common-ground/shared';

/** The app's typed Socket.IO connection. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: AppSocket | null = null;

/** The one shared connection (opened on first use, with the session cookie; it reconnects by itself). */
export function getSocket(): AppSocket {
  // WebSocket only (as the co-editing socket is): any instance behind a round-robin balancer can serve it, with no
  // sticky sessions, which HTTP long-polling would need.
  socket ??= io({
    path: SOCKET_IO_PATH,
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelayMax: 5000,
  });
  // The server disconnects a socket whose session ended; a later sign-in reconnects with the new cookie.
  if (!socket.active) socket.connect();
  return socket;
}

/** Closes the connection (on sign-out), so the next use connects with the new session. */
export function closeSocket(): void {
  socket?.close();
  socket = null;
}

/**
 * Emits an event and waits for its acknowledgement, both typed from `ClientToServerEvents`; a timeout or a dropped
 * connection becomes an `unavailable` error.
 */
export async function emitWithAck<E extends ClientEvent>(
  event: E,
  payload: ClientEventPayload<E>,
): Promise<ClientEventAck<E>> {
  try {
    // Socket.IO's own typing cannot follow a generic event name to its arguments; the signature above does.
    const untyped = getSocket() as unknown as Socket;
    return (await untyped.timeout(10_000).emitWithAck(event, payload)) as ClientEventAck<E>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'unavailable',
        message: 'The connection dropped before the server answered. Try again.',
      },
    } as ClientEventAck<E>;
  }
}

/** What to tell a person about a refused event: the server's message, when to try again, and which fields to fix. */
export function describeSocketError(error: SocketError): string {
  const { retryAfterSeconds, fields } = error.details ?? {};
  if (error.code === 'rate_limited' && retryAfterSeconds)
    return `${error.message} You can try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`;
  if (error.code === 'validation_failed' && fields && Object.keys(fields).length)
    return `Check ${Object.entries(fields)
      .map(([field, problem]) => `${field === 'body' ? 'the message' : field}: ${problem}`)
      .join('; ')}.`;
  return error.message;
}
