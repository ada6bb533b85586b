import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCUSSION_LIMITS, SOCKET_EVENTS } from '@common-ground/shared';
import { createCommunity, createRoom, registerUser, type SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, request, type ClientSocket } from './discussionClient.ts';

describe('malformed payloads and limits', () => {
  let server: TestServer;
  let person: SignedIn;
  let roomId: string;
  let socket: ClientSocket;

  beforeAll(async () => {
    server = await startTestServer();
    person = await registerUser(server.origin);
    const community = await createCommunity(server.origin, person);
    roomId = (await createRoom(server.origin, person, community.id)).id;
    socket = await connectSocket(server.origin, person.cookie);
  });
  afterAll(async () => {
    socket?.close();
    await server?.stop();
  });

  it('answers every malformed payload with a typed validation error and stays up', async () => {
    const send = (overrides: object) => ({
      roomId,
      body: 'hello',
      clientMessageId: randomUUID(),
      ...overrides,
    });
    const corpus: [string, unknown[]][] = [
      [SOCKET_EVENTS.roomJoin, []],
      [SOCKET_EVENTS.roomJoin, [null]],
      [SOCKET_EVENTS.roomJoin, ['a string']],
      [SOCKET_EVENTS.roomJoin, [42]],
      [SOCKET_EVENTS.roomJoin, [[roomId]]],
      [SOCKET_EVENTS.roomJoin, [{ roomId: { $gt: '' } }]],
      [SOCKET_EVENTS.roomJoin, [{ roomId, after: -1 }]],
      [SOCKET_EVENTS.roomJoin, [{ roomId, after: 1.5 }]],
      [SOCKET_EVENTS.roomJoin, [{ roomId, after: '3' }]],
      [SOCKET_EVENTS.roomJoin, [{ roomId, extra: true }]],
      [SOCKET_EVENTS.messageSend, [send({ body: '' })]],
      [SOCKET_EVENTS.messageSend, [send({ body: '   ' })]],
      [SOCKET_EVENTS.messageSend, [send({ body: 'x'.repeat(DISCUSSION_LIMITS.messageLength + 1) })]],
      [SOCKET_EVENTS.messageSend, [send({ body: 7 })]],
      [SOCKET_EVENTS.messageSend, [send({ clientMessageId: 'short' })]],
      [SOCKET_EVENTS.messageSend, [send({ clientMessageId: 'has spaces in it' })]],
      [SOCKET_EVENTS.messageSend, [send({ threadId: 'not-an-id' })]],
      [SOCKET_EVENTS.messageSend, [send({ authorId: 'me' })]],
      [SOCKET_EVENTS.messageSend, [{ roomId, body: 'no key' }]],
      [SOCKET_EVENTS.messageEdit, [{ roomId, messageId: roomId }]],
      [SOCKET_EVENTS.messageDelete, [{ roomId }]],
      [SOCKET_EVENTS.messageHide, [{ roomId, messageId: roomId, hidden: 'yes' }]],
      [SOCKET_EVENTS.threadUpdate, [{ roomId, threadId: roomId }]],
      [SOCKET_EVENTS.readMark, [{ roomId, seq: 'all' }]],
    ];
    for (const [event, args] of corpus) {
      const answer = await request(socket, event, ...args);
      expect(answer, `${event} ${JSON.stringify(args).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    }
    // Without an ack callback there is nobody to answer; the server must simply carry on.
    const untyped = socket as unknown as { emit: (...args: unknown[]) => void };
    untyped.emit(SOCKET_EVENTS.messageSend, send({}));
    untyped.emit(SOCKET_EVENTS.roomJoin, 'nonsense');
    expect((await joinRoom(socket, roomId)).role).toBe('facilitator');
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });

  it('refuses a connection from a foreign origin', async () => {
    const { io } = await import('socket.io-client');
    const foreign = io(server.origin, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: person.cookie, origin: 'https://evil.example' },
    });
    const outcome = await new Promise<string>((resolve) => {
      foreign.once('connect', () => resolve('connected'));
      foreign.once('connect_error', () => resolve('refused'));
    });
    foreign.close();
    expect(outcome).toBe('refused');
  });

  it('limits messages per person per minute, with a typed error that says when to try again', async () => {
    // The window is per clock minute. Start at least 20 s before a minute ends (waiting for the next one if need be),
    // so every send falls in one window and the count is exact wherever the run starts.
    const minute = 60_000;
    const left = minute - (Date.now() % minute);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const window = Math.floor(Date.now() / minute);
    const answers = [];
    for (let i = 0; i < DISCUSSION_LIMITS.messagesPerMinute + 2; i++) {
      answers.push(
        await request(socket, SOCKET_EVENTS.messageSend, {
          roomId,
          body: `m${i}`,
          clientMessageId: randomUUID(),
        }),
      );
    }
    expect(Math.floor(Date.now() / minute), 'all sends in one window').toBe(window);
    expect(answers.map((answer) => answer.ok)).toEqual([
      ...Array.from({ length: DISCUSSION_LIMITS.messagesPerMinute }, () => true),
      false,
      false,
    ]);
    const last = answers.at(-1)!;
    expect(last).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    if (!last.ok) expect(last.error.details?.retryAfterSeconds).toBeGreaterThan(0);
  }, 60_000);
});
