import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type Message, type Role } from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  createVisitor,
  joinCommunityAs,
  registerUser,
  removeMember,
  revokePass,
  setRole,
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

describe('moderation acts on live sockets', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let communityId: string;
  let roomId: string;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    communityId = (await createCommunity(server.origin, facilitator)).id;
    roomId = (await createRoom(server.origin, facilitator, communityId)).id;
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

  it('stops delivering to a removed member within a second, and refuses their sends', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const mod = await connect(facilitator);
    const theirs = await connect(member);
    await joinRoom(mod, roomId);
    await joinRoom(theirs, roomId);
    const inbox = collectNew(theirs);
    const access: { roomId: string; role: Role | null }[] = [];
    theirs.on(SOCKET_EVENTS.roomAccess, (event) => access.push(event));
    await sendMessage(mod, roomId, 'before removal');
    await waitFor(() => inbox.length === 1, 3000, 'delivery before removal');

    await removeMember(server.origin, facilitator, communityId, member.user.id);
    const removedAt = Date.now();
    await waitFor(() => access.length === 1, 1000, 'room:access after removal');
    expect(Date.now() - removedAt).toBeLessThan(1000);
    expect(access[0]).toEqual({ roomId, role: null });
    await sendMessage(mod, roomId, 'after removal');
    // Barrier: the broadcast went out before the moderator's ack, so it would reach the removed member's socket before
    // the answer to anything that socket asks now.
    expect(
      await request(theirs, SOCKET_EVENTS.messageSend, {
        roomId,
        body: 'still here?',
        clientMessageId: 'after-removal-1',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(inbox.map((message) => message.body)).toEqual(['before removal']);
  });

  it('applies a role downgrade to an open socket at once', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const theirs = await connect(member);
    await joinRoom(theirs, roomId);
    const access: { roomId: string; role: Role | null }[] = [];
    theirs.on(SOCKET_EVENTS.roomAccess, (event) => access.push(event));
    await sendMessage(theirs, roomId, 'as a member');
    await setRole(server.origin, facilitator, communityId, member.user.id, 'observer');
    await waitFor(() => access.length === 1, 1000, 'room:access after downgrade');
    expect(access[0]).toEqual({ roomId, role: 'observer' });
    expect(
      await request(theirs, SOCKET_EVENTS.messageSend, {
        roomId,
        body: 'as an observer',
        clientMessageId: 'downgraded-1',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('hides a message: others get the update without its text, moderators keep it', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const mod = await connect(facilitator);
    const theirs = await connect(member);
    await joinRoom(mod, roomId);
    await joinRoom(theirs, roomId);
    const memberUpdates: Message[] = [];
    const modUpdates: Message[] = [];
    theirs.on(SOCKET_EVENTS.messageUpdated, ({ message }) => memberUpdates.push(message));
    mod.on(SOCKET_EVENTS.messageUpdated, ({ message }) => modUpdates.push(message));
    const message = await sendMessage(theirs, roomId, 'something to hide');

    expect(
      await request(theirs, SOCKET_EVENTS.messageHide, { roomId, messageId: message.id, hidden: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await request(mod, SOCKET_EVENTS.messageHide, { roomId, messageId: message.id, hidden: true }),
    ).toMatchObject({ ok: true });
    await waitFor(() => memberUpdates.length === 1 && modUpdates.length === 1, 3000, 'hide updates');
    expect(memberUpdates[0]).toMatchObject({ id: message.id, hidden: true, body: '' });
    expect(modUpdates[0]).toMatchObject({ id: message.id, hidden: true, body: 'something to hide' });

    const history = await joinRoom(theirs, roomId, message.seq - 1);
    expect(history.messages[0]).toMatchObject({ id: message.id, hidden: true, body: '' });
  });

  it('locks a thread against replies, except from moderators', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const mod = await connect(facilitator);
    const theirs = await connect(member);
    const thread = await sendMessage(theirs, roomId, 'A thread to lock');
    expect(
      await request(theirs, SOCKET_EVENTS.threadUpdate, { roomId, threadId: thread.id, locked: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await request(mod, SOCKET_EVENTS.threadUpdate, { roomId, threadId: thread.id, locked: true }),
    ).toMatchObject({
      ok: true,
      message: { locked: true },
    });
    expect(
      await request(theirs, SOCKET_EVENTS.messageSend, {
        roomId,
        threadId: thread.id,
        body: 'one more',
        clientMessageId: 'locked-reply-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(
      sendMessage(mod, roomId, 'Closing this thread.', { threadId: thread.id }),
    ).resolves.toMatchObject({ threadId: thread.id });
  });

  it('lets the asker or a moderator mark a question answered, pointing at the answer', async () => {
    const asker = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const answerer = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const askerSocket = await connect(asker);
    const answererSocket = await connect(answerer);
    const question = await sendMessage(askerSocket, roomId, 'How did you get social workers on board?');
    expect(
      await request(askerSocket, SOCKET_EVENTS.threadUpdate, {
        roomId,
        threadId: question.id,
        question: true,
      }),
    ).toMatchObject({ ok: true });
    const answer = await sendMessage(answererSocket, roomId, 'We shadowed each other for a month.', {
      threadId: question.id,
    });
    expect(
      await request(answererSocket, SOCKET_EVENTS.threadUpdate, {
        roomId,
        threadId: question.id,
        answered: true,
        answerMessageId: answer.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const marked = await request<{ message: Message }>(askerSocket, SOCKET_EVENTS.threadUpdate, {
      roomId,
      threadId: question.id,
      answered: true,
      answerMessageId: answer.id,
    });
    expect(marked).toMatchObject({ ok: true, message: { question: true, answerMessageId: answer.id } });
    if (marked.ok) expect(marked.message.answeredAt).not.toBeNull();
  });

  it('disconnects a socket when its session ends or its visitor pass is revoked', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const theirs = await connect(member);
    await joinRoom(theirs, roomId);
    const gone = new Promise<number>((resolve) => theirs.once('disconnect', () => resolve(Date.now())));
    const signedOutAt = Date.now();
    expect(
      (await api(server.origin, 'POST', '/api/auth/logout', { cookie: member.cookie })).status,
    ).toBeLessThan(300);
    expect((await gone) - signedOutAt).toBeLessThan(1000);

    const openDay = await createRoom(server.origin, facilitator, communityId, { kind: 'open-day' });
    const visitor = await createVisitor(server.origin, facilitator, openDay.id);
    const visitorSocket = await connect({ cookie: visitor.cookie } as SignedIn);
    await joinRoom(visitorSocket, openDay.id);
    const visitorGone = new Promise<number>((resolve) =>
      visitorSocket.once('disconnect', () => resolve(Date.now())),
    );
    const revokedAt = Date.now();
    await revokePass(server.origin, facilitator, openDay.id, visitor.passId);
    expect((await visitorGone) - revokedAt).toBeLessThan(1000);
  });
});
