import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  messageHistorySchema,
  messageSchema,
  SOCKET_EVENTS,
  type Message,
  type Presence,
  type TypingEvent,
} from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  collectNew,
  connectSocket,
  joinRoom,
  request,
  sendMessage,
  waitFor,
  type ClientSocket,
} from './discussionClient.ts';

describe('message:send and history', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let members: SignedIn[];
  let roomId: string;
  let communityId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    const community = await createCommunity(server.origin, facilitator);
    communityId = community.id;
    roomId = (await createRoom(server.origin, facilitator, community.id)).id;
    members = [];
    for (let i = 0; i < 3; i++)
      members.push(await joinCommunityAs(server.origin, facilitator, community.id, 'member'));
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

  it('delivers a message to every member in the room, with author, organisation and a rising seq', async () => {
    const all = await Promise.all([facilitator, ...members].map(connect));
    await Promise.all(all.map((socket) => joinRoom(socket, roomId)));
    const inboxes = all.map(collectNew);
    const sent = await sendMessage(all[1]!, roomId, 'What did you **stop** doing first?');
    expect(messageSchema.parse(sent)).toMatchObject({
      roomId,
      threadId: null,
      seq: 1,
      body: 'What did you **stop** doing first?',
      author: { id: members[0]!.user.id, displayName: members[0]!.user.displayName, organisation: null },
      deleted: false,
    });
    const others = inboxes.filter((_, i) => i !== 1);
    await waitFor(() => others.every((inbox) => inbox.length === 1), 3000, 'delivery to the other three');
    for (const inbox of others) expect(inbox[0]).toEqual(sent);

    const reply = await sendMessage(all[0]!, roomId, 'We stopped the weekly panel.', { threadId: sent.id });
    expect(reply).toMatchObject({ seq: 2, threadId: sent.id });
    // Barrier: a later message from someone else reaches each sender after anything broadcast to it before, so had
    // the broadcast of its own message reached it, it would show here. Each sender had its message in its ack only.
    const later = await sendMessage(all[3]!, roomId, 'Same here.', { threadId: sent.id });
    await waitFor(() => inboxes[0]!.some((m) => m.id === later.id), 3000, 'later at the replier');
    await waitFor(() => inboxes[1]!.some((m) => m.id === later.id), 3000, 'later at the first sender');
    expect(inboxes[0]).toEqual([sent, later]);
    expect(inboxes[1]).toEqual([reply, later]);
  });

  it('never creates a second message for a repeated clientMessageId, sequentially or concurrently', async () => {
    const socket = await connect(members[2]!);
    const before = await joinRoom(socket, roomId);
    const payload = { roomId, body: 'Sent once, retried', clientMessageId: randomUUID() };
    const first = await request<{ message: Message }>(socket, SOCKET_EVENTS.messageSend, payload);
    const again = await request<{ message: Message }>(socket, SOCKET_EVENTS.messageSend, payload);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.message.id).toBe(first.message.id);

    const racing = { roomId, body: 'Raced', clientMessageId: randomUUID() };
    const other = await connect(members[2]!);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request<{ message: Message }>(i % 2 ? other : socket, SOCKET_EVENTS.messageSend, racing),
      ),
    );
    const ids = new Set(answers.map((answer) => (answer.ok ? answer.message.id : answer.error.code)));
    expect(ids.size).toBe(1);

    const history = await api(
      server.origin,
      'GET',
      `/api/rooms/${roomId}/messages?after=${before.latestSeq}`,
      { cookie: facilitator.cookie },
    );
    const bodies = messageHistorySchema.parse(history.body).messages.map((message) => message.body);
    expect(bodies).toEqual(['Sent once, retried', 'Raced']);
  });

  it('starts a thread as a learner’s question in the send itself, and refuses a question as a reply', async () => {
    const socket = await connect(members[1]!);
    const watcher = await connect(facilitator);
    await joinRoom(watcher, roomId);
    const inbox = collectNew(watcher);
    const asked = await request<{ message: Message }>(socket, SOCKET_EVENTS.messageSend, {
      roomId,
      body: 'How do you hand over a case?',
      clientMessageId: randomUUID(),
      question: true,
    });
    expect(asked).toMatchObject({ ok: true, message: { question: true, threadId: null } });
    await waitFor(() => inbox.length === 1, 3000, 'the question at a watcher');
    expect(inbox[0]).toMatchObject({ body: 'How do you hand over a case?', question: true });
    if (!asked.ok) return;
    const reply = await request(socket, SOCKET_EVENTS.messageSend, {
      roomId,
      threadId: asked.message.id,
      body: 'And a follow-up question',
      clientMessageId: randomUUID(),
      question: true,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', details: { fields: { question: expect.any(String) } } },
    });
  });

  it('serves the same history over HTTP, paged, gap-free and with strict query validation', async () => {
    const socket = await connect(facilitator);
    await joinRoom(socket, roomId);
    for (let i = 0; i < 5; i++) await sendMessage(socket, roomId, `note ${i}`);
    const page = await api(server.origin, 'GET', `/api/rooms/${roomId}/messages?after=2&limit=3`, {
      cookie: members[0]!.cookie,
    });
    expect(page.status).toBe(200);
    const parsed = messageHistorySchema.parse(page.body);
    expect(parsed.messages.map((message) => message.seq)).toEqual([3, 4, 5]);
    expect(parsed.hasMore).toBe(true);
    expect(parsed.latestSeq).toBeGreaterThanOrEqual(9);

    const joined = await joinRoom(socket, roomId, 2);
    expect(joined.messages.slice(0, 3)).toEqual(parsed.messages);

    for (const query of ['after=-1', 'limit=0', 'limit=1000', 'after=abc', 'since=1', 'after=1&after=2']) {
      const bad = await api(server.origin, 'GET', `/api/rooms/${roomId}/messages?${query}`, {
        cookie: facilitator.cookie,
      });
      expect(bad.status, query).toBe(400);
      expect((bad.body as { error: { code: string } }).error.code, query).toBe('validation_failed');
    }
    const outsider = await registerUser(server.origin);
    const hidden = await api(server.origin, 'GET', `/api/rooms/${roomId}/messages`, {
      cookie: outsider.cookie,
    });
    expect(hidden.status).toBe(404);
    const anonymous = await api(server.origin, 'GET', `/api/rooms/${roomId}/messages`);
    expect(anonymous.status).toBe(401);
  });

  it('lets authors edit and delete their own messages, and tells everyone', async () => {
    const mine = await connect(members[0]!);
    const theirs = await connect(members[1]!);
    await joinRoom(mine, roomId);
    await joinRoom(theirs, roomId);
    const updates: Message[] = [];
    theirs.on(SOCKET_EVENTS.messageUpdated, ({ message }) => updates.push(message));
    const message = await sendMessage(mine, roomId, 'first draft');

    const refused = await request(theirs, SOCKET_EVENTS.messageEdit, {
      roomId,
      messageId: message.id,
      body: 'not yours',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const edited = await request<{ message: Message }>(mine, SOCKET_EVENTS.messageEdit, {
      roomId,
      messageId: message.id,
      body: 'second draft',
    });
    expect(edited).toMatchObject({ ok: true, message: { body: 'second draft', seq: message.seq } });
    if (edited.ok) expect(edited.message.editedAt).not.toBeNull();

    const deleted = await request<{ message: Message }>(mine, SOCKET_EVENTS.messageDelete, {
      roomId,
      messageId: message.id,
    });
    expect(deleted).toMatchObject({ ok: true, message: { deleted: true, body: '' } });
    await waitFor(() => updates.length === 2, 3000, 'both updates');
    expect(updates.map((update) => [update.body, update.deleted])).toEqual([
      ['second draft', false],
      ['', true],
    ]);
    expect(updates[1]!.version).toBeGreaterThan(updates[0]!.version);
  });

  it('tells the room who is here and who is typing, never echoing typing to the typist', async () => {
    const newcomer = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const mine = await connect(newcomer);
    const theirs = await connect(members[1]!);
    const presence: Presence[] = [];
    const typingSeen: { mine: TypingEvent[]; theirs: TypingEvent[] } = { mine: [], theirs: [] };
    theirs.on(SOCKET_EVENTS.presence, (event) => presence.push(event));
    mine.on(SOCKET_EVENTS.typing, (event) => typingSeen.mine.push(event));
    theirs.on(SOCKET_EVENTS.typing, (event) => typingSeen.theirs.push(event));
    await joinRoom(theirs, roomId);
    await joinRoom(mine, roomId);
    await waitFor(
      () => presence.some((event) => event.people.some((person) => person.id === newcomer.user.id)),
      3000,
      'presence including the newcomer',
    );
    mine.emit(SOCKET_EVENTS.typing, { roomId });
    await waitFor(() => typingSeen.theirs.length === 1, 3000, 'typing event');
    expect(typingSeen.theirs[0]).toMatchObject({
      roomId,
      threadId: null,
      person: { id: newcomer.user.id },
    });
    // Barrier: the other person's typing reaches the typist after any echo of its own would have.
    theirs.emit(SOCKET_EVENTS.typing, { roomId });
    await waitFor(() => typingSeen.mine.length > 0, 3000, 'typing from the other person');
    expect(typingSeen.mine.map((event) => event.person.id)).toEqual([members[1]!.user.id]);

    mine.close();
    await waitFor(
      () => !presence.at(-1)!.people.some((person) => person.id === newcomer.user.id),
      3000,
      'presence without the leaver',
    );
  });
});
