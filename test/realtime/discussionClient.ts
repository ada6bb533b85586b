import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_EVENTS,
  SOCKET_IO_PATH,
  type AckResponse,
  type ClientToServerEvents,
  type Message,
  type RoomJoinResult,
  type ServerToClientEvents,
} from '@common-ground/shared';

/** A typed socket.io-client connection, as outside clients would use one. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects with a session cookie (or none) and waits until connected; rejects with the connect error. */
export function connectSocket(origin: string, cookie: string | null): Promise<ClientSocket> {
  const socket: ClientSocket = io(origin, {
    path: SOCKET_IO_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Emits any event (typed or deliberately not) with an ack and resolves with the answer. */
export function request<T extends object = object>(
  socket: ClientSocket,
  event: string,
  ...args: unknown[]
): Promise<AckResponse<T>> {
  return (socket as unknown as Socket).timeout(10_000).emitWithAck(event, ...args) as Promise<AckResponse<T>>;
}

/** Joins a room and insists it worked. */
export async function joinRoom(
  socket: ClientSocket,
  roomId: string,
  after?: number,
): Promise<RoomJoinResult> {
  const answer = await request<RoomJoinResult>(
    socket,
    SOCKET_EVENTS.roomJoin,
    after === undefined ? { roomId } : { roomId, after },
  );
  if (!answer.ok) throw new Error(`join failed: ${answer.error.code} ${answer.error.message}`);
  return answer;
}

/** Sends a message and insists it worked. */
export async function sendMessage(
  socket: ClientSocket,
  roomId: string,
  body: string,
  extra: { threadId?: string } = {},
): Promise<Message> {
  const answer = await request<{ message: Message }>(socket, SOCKET_EVENTS.messageSend, {
    roomId,
    body,
    clientMessageId: randomUUID(),
    ...extra,
  });
  if (!answer.ok) throw new Error(`send failed: ${answer.error.code} ${answer.error.message}`);
  return answer.message;
}

/** Collects every `message:new` a socket receives. */
export function collectNew(socket: ClientSocket): Message[] {
  const received: Message[] = [];
  socket.on(SOCKET_EVENTS.messageNew, ({ message }) => received.push(message));
  return received;
}

/** Waits until a condition holds, polling. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
