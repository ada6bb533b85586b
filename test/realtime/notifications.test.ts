import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  digestResponseSchema,
  notificationListSchema,
  SOCKET_EVENTS,
  type Notification,
} from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import type { Digest } from '@common-ground/shared';
import type { DigestTransport } from '../../server/src/digest/DigestTransport.ts';
import { sendDigests } from '../../server/src/digest/sendDigests.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  connectSocket,
  joinRoom,
  request,
  sendMessage,
  waitFor,
  type ClientSocket,
} from './discussionClient.ts';

describe('mentions, notifications, read markers and the digest', () => {
  let server: TestServer;
  let source: SignedIn;
  let jane: SignedIn;
  let janet: SignedIn;
  let roomId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    source = await registerUser(server.origin, { displayName: 'Sam Source' });
    const community = await createCommunity(server.origin, source);
    roomId = (await createRoom(server.origin, source, community.id)).id;
    jane = await joinCommunityAs(
      server.origin,
      source,
      community.id,
      'member',
      await registerUser(server.origin, { displayName: 'Jane Smith' }),
    );
    janet = await joinCommunityAs(
      server.origin,
      source,
      community.id,
      'member',
      await registerUser(server.origin, { displayName: 'Jane' }),
    );
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  async function connect(who: SignedIn): Promise<ClientSocket> {
    const socket = await connectSocket(server.origin, who.cookie);
    sockets.push(socket);
    return socket;
  }

  it('notifies the mentioned person live, on every socket of theirs, and lists it', async () => {
    const sender = await connect(source);
    const janeTabs = [await connect(jane), await connect(jane)];
    const janetSocket = await connect(janet);
    const received: Notification[][] = janeTabs.map(() => []);
    janeTabs.forEach((tab, i) =>
      tab.on(SOCKET_EVENTS.notificationNew, ({ notification }) => received[i]!.push(notification)),
    );
    const janetReceived: Notification[] = [];
    janetSocket.on(SOCKET_EVENTS.notificationNew, ({ notification }) => janetReceived.push(notification));

    const message = await sendMessage(
      sender,
      roomId,
      'Thanks @Jane Smith, could you share the panel template?',
    );
    expect(message.mentions).toEqual([jane.user.id]);
    await waitFor(() => received.every((tab) => tab.length === 1), 3000, 'notification on both tabs');
    expect(received[0]![0]).toMatchObject({
      kind: 'mention',
      roomId,
      messageId: message.id,
      actor: { displayName: 'Sam Source' },
    });
    // Barrier: a later mention of Janet reaches her after any notification sent to her before it would have.
    const later = await sendMessage(sender, roomId, '@Jane could you add yours too?');
    expect(later.mentions).toEqual([janet.user.id]);
    await waitFor(() => janetReceived.length > 0, 3000, 'the later notification for Janet');
    expect(janetReceived.map((notification) => notification.messageId)).toEqual([later.id]);

    const list = await api(server.origin, 'GET', '/api/notifications', { cookie: jane.cookie });
    const parsed = notificationListSchema.parse(list.body);
    expect(parsed.unreadCount).toBe(1);
    expect(parsed.notifications[0]!.excerpt).toContain('@Jane Smith');

    const read = await api(server.origin, 'POST', '/api/notifications/read', {
      cookie: jane.cookie,
      body: { ids: [parsed.notifications[0]!.id] },
    });
    expect(read.body).toEqual({ unreadCount: 0 });
    const bad = await api(server.origin, 'POST', '/api/notifications/read', {
      cookie: jane.cookie,
      body: { ids: [], all: true, extra: 1 },
    });
    expect(bad.status).toBe(400);
    const other = await api(server.origin, 'GET', '/api/notifications', { cookie: janet.cookie });
    expect(notificationListSchema.parse(other.body).notifications.map((n) => n.messageId)).toEqual([
      later.id,
    ]);
  });

  it('keeps read markers and builds a digest of what is new since', async () => {
    const sender = await connect(source);
    const reader = await connect(jane);
    const joined = await joinRoom(reader, roomId);
    await request(reader, SOCKET_EVENTS.readMark, { roomId, seq: joined.latestSeq });
    expect((await joinRoom(reader, roomId)).readState.lastReadSeq).toBe(joined.latestSeq);

    const question = await sendMessage(sender, roomId, 'Who has tried restorative supervision?');
    await request(sender, SOCKET_EVENTS.threadUpdate, { roomId, threadId: question.id, question: true });
    await sendMessage(sender, roomId, 'And a follow-up.');
    await request(reader, SOCKET_EVENTS.readMark, { roomId, threadId: question.id, seq: question.seq });
    const state = (await joinRoom(reader, roomId)).readState;
    expect(state.threads[question.id]).toBe(question.seq);

    const digest = await api(server.origin, 'GET', '/api/me/digest', { cookie: jane.cookie });
    expect(digest.status).toBe(200);
    const rooms = digestResponseSchema.parse(digest.body).digest.rooms;
    expect(rooms).toEqual([expect.objectContaining({ roomId, newMessages: 2, newQuestions: 1 })]);
    const anonymous = await api(server.origin, 'GET', '/api/me/digest');
    expect(anonymous.status).toBe(401);

    const sent: { userId: string; digest: Digest }[] = [];
    const transport: DigestTransport = {
      send: async (recipient, built) => void sent.push({ userId: recipient.userId, digest: built }),
    };
    await sendDigests(transport);
    expect(sent.find((entry) => entry.userId === jane.user.id)?.digest.rooms).toEqual(rooms);
    expect(sent.some((entry) => entry.userId === source.user.id)).toBe(false);
  });
});
