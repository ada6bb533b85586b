import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, SOCKET_IO_PATH, type Message, type Presence } from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  removeMember,
  type SignedIn,
} from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import {
  collectNew,
  connectSocket,
  joinRoom,
  request,
  sendMessage,
  waitFor,
  type ClientSocket,
} from '../realtime/discussionClient.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

describe('Socket.IO across instances on the Redis bus', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  let facilitator: SignedIn;
  let member: SignedIn;
  let communityId: string;
  let roomId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startFirstInstance(redis.url);
    b = await startExtraInstance(redis.url);
    facilitator = await registerUser(a.origin, { displayName: 'Fatima Facilitator' });
    communityId = (await createCommunity(a.origin, facilitator)).id;
    roomId = (await createRoom(a.origin, facilitator, communityId)).id;
    member = await joinCommunityAs(a.origin, facilitator, communityId, 'member');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  async function connect(origin: string, who: SignedIn): Promise<ClientSocket> {
    const socket = await connectSocket(origin, who.cookie);
    sockets.push(socket);
    return socket;
  }

  it('delivers a message sent on one instance to a member on another, exactly once', async () => {
    const onA = await connect(a.origin, facilitator);
    const onB = await connect(b.origin, member);
    await joinRoom(onA, roomId);
    await joinRoom(onB, roomId);
    const inbox = collectNew(onB);
    const sent = await sendMessage(onA, roomId, 'Hello from instance A');
    await waitFor(() => inbox.length >= 1, 5000, 'cross-instance delivery');
    // A later message is the barrier: once it has arrived, any duplicate of the first would have too.
    await sendMessage(onA, roomId, 'barrier');
    await waitFor(() => inbox.some((message) => message.body === 'barrier'), 5000, 'barrier');
    expect(inbox.filter((message) => message.id === sent.id)).toHaveLength(1);
  });

  it('counts presence across instances and relays typing', async () => {
    const onA = await connect(a.origin, facilitator);
    const onB = await connect(b.origin, member);
    const seen: Presence[] = [];
    onA.on(SOCKET_EVENTS.presence, (payload) => seen.push(payload));
    await joinRoom(onA, roomId);
    await joinRoom(onB, roomId);
    await waitFor(
      () =>
        seen.some(
          (payload) =>
            payload.roomId === roomId &&
            payload.people.some((person) => person.id === member.user.id) &&
            payload.people.some((person) => person.id === facilitator.user.id),
        ),
      5000,
      'presence listing people on both instances',
    );
    const typing: string[] = [];
    onA.on(SOCKET_EVENTS.typing, (payload) => typing.push(payload.person.id));
    onB.emit(SOCKET_EVENTS.typing, { roomId });
    await waitFor(() => typing.includes(member.user.id), 5000, 'typing from the other instance');
  });

  it('applies moderation made on one instance to sockets on another', async () => {
    const onA = await connect(a.origin, facilitator);
    const onB = await connect(b.origin, member);
    await joinRoom(onA, roomId);
    await joinRoom(onB, roomId);
    const updates: Message[] = [];
    onB.on(SOCKET_EVENTS.messageUpdated, ({ message }) => updates.push(message));
    const posted = await sendMessage(onB, roomId, 'Something to hide');
    const hidden = await request(onA, SOCKET_EVENTS.messageHide, {
      roomId,
      messageId: posted.id,
      hidden: true,
    });
    expect(hidden.ok).toBe(true);
    await waitFor(() => updates.some((message) => message.id === posted.id), 5000, 'hidden update on B');
    const update = updates.find((message) => message.id === posted.id);
    expect(update?.hidden).toBe(true);
    expect(update?.body).not.toContain('Something to hide');
  });

  it('recovers a dropped connection with what it missed, but not after the person lost access', async () => {
    const other = await joinCommunityAs(a.origin, facilitator, communityId, 'member');
    const poster = await connect(a.origin, facilitator);
    await joinRoom(poster, roomId);

    async function droppedWhile(who: SignedIn, meanwhile: () => Promise<void>) {
      const socket: ClientSocket = io(b.origin, {
        path: SOCKET_IO_PATH,
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 100,
        forceNew: true,
        extraHeaders: { cookie: who.cookie },
      });
      sockets.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await joinRoom(socket, roomId);
      // Socket.IO only stores an offset once the client has received a packet after connecting.
      const warmUp = collectNew(socket);
      await sendMessage(poster, roomId, `warm-up ${randomUUID()}`);
      await waitFor(() => warmUp.length > 0, 5000, 'warm-up delivery');
      const inbox = collectNew(socket);
      const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.io.engine.close();
      await meanwhile();
      const missed = await sendMessage(poster, roomId, `while away ${randomUUID()}`);
      await reconnected;
      return { socket, inbox, missed };
    }

    const kept = await droppedWhile(member, async () => undefined);
    await waitFor(() => kept.inbox.some((m) => m.id === kept.missed.id), 5000, 'missed message replayed');
    expect(kept.socket.recovered).toBe(true);

    const removed = await droppedWhile(other, () =>
      removeMember(a.origin, facilitator, communityId, other.user.id),
    );
    expect(removed.socket.recovered).toBe(false);
    // Barrier: a later message reaches the room; the removed person's socket got neither.
    await sendMessage(poster, roomId, 'after removal');
    await waitFor(() => kept.inbox.some((m) => m.body === 'after removal'), 5000, 'barrier');
    expect(removed.inbox.map((m) => m.id)).not.toContain(removed.missed.id);
  });
});
