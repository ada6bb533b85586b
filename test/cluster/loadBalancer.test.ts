import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, SOCKET_IO_PATH, type Message, type Presence } from '@common-ground/shared';
import {
  appendParagraph,
  connectClient,
  eventually,
  paragraphs,
  type CollabClient,
} from '../collaboration/collabClient.ts';
import {
  collectNew,
  joinRoom,
  request,
  sendMessage,
  waitFor,
  type ClientSocket,
} from '../realtime/discussionClient.ts';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startNginx, type NginxServer } from '../support/nginxServer.ts';
import { freePort, startRedis, type RedisServer } from '../support/redisServer.ts';
import { spawnInstances, stopInstances, type ServerInstance } from '../support/serverProcess.ts';
import { testDatabaseUri } from '../support/testDatabase.ts';

describe('three instances behind nginx (deploy/nginx.conf), round-robin', () => {
  const uri = testDatabaseUri();
  let redis: RedisServer;
  let nginx: NginxServer;
  const instances: ServerInstance[] = [];
  const collab: CollabClient[] = [];
  const sockets: ClientSocket[] = [];
  let facilitator: SignedIn;
  let people: SignedIn[];
  let roomId: string;
  let documentId: string;

  beforeAll(async () => {
    redis = await startRedis();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    instances.push(...(await spawnInstances(3, { uri, redisUrl: redis.url, ports })));
    nginx = await startNginx(ports);
    facilitator = await registerUser(nginx.origin, { displayName: 'Fatima Facilitator' });
    const communityId = (await createCommunity(nginx.origin, facilitator)).id;
    const room = await createRoom(nginx.origin, facilitator, communityId);
    roomId = room.id;
    documentId = room.documentId;
    people = [facilitator];
    for (let i = 0; i < 2; i += 1)
      people.push(await joinCommunityAs(nginx.origin, facilitator, communityId, 'member'));
  }, 120_000);

  afterAll(async () => {
    for (const client of collab) client.destroy();
    for (const socket of sockets) socket.close();
    await nginx?.stop();
    await stopInstances(instances);
    await redis?.stop();
    await mongoose
      .connect(uri)
      .then((connection) => connection.connection.db?.dropDatabase())
      .catch(() => undefined);
    await mongoose.disconnect();
  });

  function socketThroughNginx(who: SignedIn): Promise<ClientSocket> {
    const socket: ClientSocket = io(nginx.origin, {
      path: SOCKET_IO_PATH,
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      forceNew: true,
      extraHeaders: { cookie: who.cookie },
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  it('converges co-editing live and carries messages, presence and moderation to everyone', async () => {
    // Six consecutive connections: round-robin puts two on each instance.
    for (let i = 0; i < 6; i += 1)
      collab.push(connectClient(nginx.origin, documentId, people[i % 3]!.cookie));
    await Promise.all(collab.map((client) => client.synced()));
    collab.forEach((client, i) => appendParagraph(client.doc, `line from client ${i}`));
    await eventually(() => {
      for (const client of collab)
        expect(paragraphs(client.doc).sort()).toEqual(paragraphs(collab[0]!.doc).sort());
      expect(paragraphs(collab[0]!.doc)).toHaveLength(6);
    }, 10_000);

    const discussion = await Promise.all(people.map((who) => socketThroughNginx(who)));
    const presences = discussion.map((socket) => {
      const seen: Presence[] = [];
      socket.on(SOCKET_EVENTS.presence, (payload) => seen.push(payload));
      return seen;
    });
    for (const socket of discussion) await joinRoom(socket, roomId);
    const inboxes = discussion.map((socket) => collectNew(socket));
    const updates = discussion.map((socket) => {
      const seen: Message[] = [];
      socket.on(SOCKET_EVENTS.messageUpdated, ({ message }) => seen.push(message));
      return seen;
    });
    const posted = await sendMessage(discussion[1]!, roomId, 'Posted through the balancer');
    await waitFor(
      () => inboxes.every((inbox, i) => i === 1 || inbox.some((m) => m.id === posted.id)),
      5000,
      'delivery',
    );
    await waitFor(
      () => presences.every((seen) => seen.at(-1)?.people.length === 3),
      5000,
      'presence of all three people on every socket',
    );
    const hidden = await request(discussion[0]!, SOCKET_EVENTS.messageHide, {
      roomId,
      messageId: posted.id,
      hidden: true,
    });
    expect(hidden.ok).toBe(true);
    await waitFor(
      () => updates.every((seen) => seen.some((m) => m.id === posted.id && m.hidden)),
      5000,
      'moderation',
    );
  });

  it('survives kill -9 of one instance: its clients reconnect to the others and nothing anyone saw is lost', async () => {
    const seenBefore = paragraphs(collab[0]!.doc);
    let reconnects = 0;
    for (const client of collab)
      client.provider.on(
        'status',
        ({ status }: { status: string }) => status === 'connecting' && reconnects++,
      );
    const victim = instances[0]!;
    victim.child.kill('SIGKILL');
    await victim.exited;

    collab.forEach((client, i) =>
      appendParagraph(client.doc, `after the kill ${i} ${randomUUID().slice(0, 4)}`),
    );
    await eventually(() => {
      for (const client of collab) {
        expect(client.provider.wsconnected).toBe(true);
        expect(paragraphs(client.doc).sort()).toEqual(paragraphs(collab[0]!.doc).sort());
      }
      expect(paragraphs(collab[0]!.doc)).toHaveLength(12);
    }, 15_000);
    // Some clients were on the killed instance and had to reconnect; every line seen before the kill is still there.
    expect(reconnects).toBeGreaterThan(0);
    for (const line of seenBefore) expect(paragraphs(collab[0]!.doc)).toContain(line);

    // Discussion sockets that were on it reconnect, re-join, and catch up on what was posted meanwhile.
    const discussion = sockets.slice(-3);
    await waitFor(() => discussion.every((socket) => socket.connected), 10_000, 'sockets reconnected');
    const during = await sendMessage(discussion[2]!, roomId, 'Posted after the kill');
    for (const socket of discussion) {
      const joined = await joinRoom(socket, roomId);
      expect(joined.messages.map((m) => m.id)).toContain(during.id);
    }
  });
});
