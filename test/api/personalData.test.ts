import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORMER_MEMBER_NAME,
  SOCKET_EVENTS,
  type AuditLog,
  type DocumentVersion,
  type Message,
} from '@common-ground/shared';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { connectSocket, joinRoom, sendMessage, type ClientSocket } from '../realtime/discussionClient.ts';
import {
  createCommunity,
  createOrganisation,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { UserModel } from '../../server/src/models/User.ts';
import { SessionModel } from '../../server/src/models/Session.ts';

/** The parts of the export this test reads. */
interface ExportedData {
  account: object;
  affiliations: { organisation: { name: string } }[];
  memberships: object[];
  messages: { body: string }[];
  notifications: object[];
  documentContributions: { versionsNamed: { name: string }[] };
  invitationsReceived: { community: { name: string } }[];
  auditEvents: { type: string }[];
}

/** The names every connected editor's awareness shows. */
function presenceNames(client: CollabClient): string[] {
  return [...client.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: { name?: string } }).user?.name)
    .filter((name): name is string => Boolean(name));
}

describe('GET /api/me/export and POST /api/me/delete', () => {
  let server: TestServer;
  let facilitator: SignedIn;
  let leaver: SignedIn;
  let communityId: string;
  let roomId: string;
  let documentId: string;
  let leaverMessage: Message;
  let mentionMessage: Message;
  const sockets: ClientSocket[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await registerUser(server.origin, { displayName: 'Fran Facilitator' });
    communityId = (await createCommunity(server.origin, facilitator, { name: 'Kinship carers north' })).id;
    // A second facilitator can name versions; the first stays, so the community is never left without one.
    leaver = await joinCommunityAs(
      server.origin,
      facilitator,
      communityId,
      'facilitator',
      await registerUser(server.origin, { displayName: 'Lee Leaving' }),
    );
    await createOrganisation(server.origin, leaver, { name: 'Leaving Borough Council' });
    const room = await createRoom(server.origin, facilitator, communityId, { title: 'Family time' });
    roomId = room.id;
    documentId = room.documentId;

    const leaverSocket = await connectSocket(server.origin, leaver.cookie);
    const facilitatorSocket = await connectSocket(server.origin, facilitator.cookie);
    sockets.push(leaverSocket, facilitatorSocket);
    await joinRoom(leaverSocket, roomId);
    await joinRoom(facilitatorSocket, roomId);
    leaverMessage = await sendMessage(leaverSocket, roomId, 'We tried family time at weekends');
    mentionMessage = await sendMessage(facilitatorSocket, roomId, 'Thanks @Lee Leaving, that helps');
    const named = await api(server.origin, 'POST', `/api/documents/${documentId}/versions`, {
      cookie: leaver.cookie,
      body: { name: 'Before the March session' },
    });
    expect(named.status).toBe(201);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('gives a person everything stored about them as one JSON download', async () => {
    const response = await fetch(`${server.origin}/api/me/export`, { headers: { cookie: leaver.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="common-ground-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = (await response.json()) as ExportedData;
    expect(data.account).toMatchObject({ email: leaver.user.email, displayName: 'Lee Leaving' });
    expect(data.affiliations[0]!.organisation.name).toBe('Leaving Borough Council');
    expect(data.memberships[0]).toMatchObject({
      community: { name: 'Kinship carers north' },
      role: 'facilitator',
    });
    expect(data.messages.map((m) => m.body)).toEqual(['We tried family time at weekends']);
    expect(data.notifications[0]).toMatchObject({ kind: 'mention', from: 'Fran Facilitator' });
    expect(data.documentContributions.versionsNamed[0]!.name).toBe('Before the March session');
    expect(data.invitationsReceived[0]!.community.name).toBe('Kinship carers north');
    expect(data.auditEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['auth.registered', 'invitation.accepted']),
    );
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash/);
    expect((await fetch(`${server.origin}/api/me/export`)).status).toBe(401);
  });

  it('refuses to delete an account without the right password, and changes nothing', async () => {
    const refused = await api(server.origin, 'POST', '/api/me/delete', {
      cookie: leaver.cookie,
      body: { password: 'not the password', messages: 'keep' },
    });
    expect(refused.status).toBe(403);
    expect(await UserModel.exists({ email: leaver.user.email })).not.toBeNull();
    expect((await api(server.origin, 'GET', '/api/me', { cookie: leaver.cookie })).status).toBe(200);
  });

  it('erases the account: name gone from messages, versions, presence and members; sessions end; facilitators see it', async () => {
    const watcher = connectClient(server.origin, documentId, facilitator.cookie);
    const leaving = connectClient(server.origin, documentId, leaver.cookie);
    clients.push(watcher, leaving);
    await Promise.all([watcher.synced(), leaving.synced()]);
    leaving.provider.awareness.setLocalStateField('cursor', null);
    await eventually(() => expect(presenceNames(watcher)).toContain('Lee Leaving'));
    const leaverSocket = sockets[0]!;
    const updates: Message[] = [];
    sockets[1]!.on(SOCKET_EVENTS.messageUpdated, ({ message }) => updates.push(message));
    const disconnected = new Promise<void>((resolve) => leaverSocket.once('disconnect', () => resolve()));

    const erased = await api(server.origin, 'POST', '/api/me/delete', {
      cookie: leaver.cookie,
      body: { password: leaver.password, messages: 'keep' },
    });
    expect(erased.status).toBe(204);

    await disconnected;
    // People reading the discussion see the change at once, without reloading.
    await eventually(() => {
      expect(updates.find((m) => m.id === leaverMessage.id)?.author.displayName).toBe(FORMER_MEMBER_NAME);
      expect(updates.find((m) => m.id === mentionMessage.id)?.body).toBe('Thanks @Former member, that helps');
    });
    await eventually(() => expect(presenceNames(watcher)).not.toContain('Lee Leaving'));
    expect((await api(server.origin, 'GET', '/api/me', { cookie: leaver.cookie })).status).toBe(401);
    const signIn = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: leaver.user.email, password: leaver.password },
    });
    expect(signIn.status).toBe(401);
    expect(await UserModel.exists({ email: leaver.user.email })).toBeNull();
    expect(await SessionModel.exists({ userId: leaver.user.id })).toBeNull();

    const history = await api<{ messages: Message[] }>(
      server.origin,
      'GET',
      `/api/rooms/${roomId}/messages`,
      {
        cookie: facilitator.cookie,
      },
    );
    const kept = history.body.messages.find((message) => message.id === leaverMessage.id)!;
    expect(kept.author.displayName).toBe(FORMER_MEMBER_NAME);
    expect(kept.author.organisation).toBeNull();
    expect(kept.body).toBe('We tried family time at weekends');

    const versions = await api<{ versions: DocumentVersion[] }>(
      server.origin,
      'GET',
      `/api/documents/${documentId}/versions`,
      { cookie: facilitator.cookie },
    );
    const named = versions.body.versions.find((version) => version.name === 'Before the March session')!;
    expect(named.createdBy).toBeNull();

    const members = await api(server.origin, 'GET', `/api/communities/${communityId}/members`, {
      cookie: facilitator.cookie,
    });
    expect(JSON.stringify(members.body)).not.toContain('Lee Leaving');

    const audit = await api<AuditLog>(server.origin, 'GET', `/api/communities/${communityId}/audit`, {
      cookie: facilitator.cookie,
    });
    expect(audit.status).toBe(200);
    const event = audit.body.events.find((entry) => entry.type === 'account.erased')!;
    expect(event.target).toEqual({ id: leaver.user.id, displayName: FORMER_MEMBER_NAME });
    expect(event.detail).toEqual({ messages: 'kept' });
    const everyPath = JSON.stringify([history.body, versions.body, members.body, audit.body]);
    expect(everyPath).not.toContain('Lee Leaving');
    expect(everyPath).not.toContain(leaver.user.email);
  }, 30_000);

  it('removes the bodies of a departing person’s messages when they ask', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const socket = await connectSocket(server.origin, member.cookie);
    sockets.push(socket);
    await joinRoom(socket, roomId);
    const message = await sendMessage(socket, roomId, 'Please take this down when I go');
    const erased = await api(server.origin, 'POST', '/api/me/delete', {
      cookie: member.cookie,
      body: { password: member.password, messages: 'remove' },
    });
    expect(erased.status).toBe(204);
    const stored = await MessageModel.findById(message.id).lean();
    expect(stored).toMatchObject({ body: '', deleted: true, authorName: FORMER_MEMBER_NAME });
    const audit = await api<AuditLog>(server.origin, 'GET', `/api/communities/${communityId}/audit`, {
      cookie: facilitator.cookie,
    });
    const event = audit.body.events.find(
      (entry) => entry.type === 'account.erased' && entry.target?.id === member.user.id,
    );
    expect(event?.detail).toEqual({ messages: 'removed' });
  });

  it('keeps the last facilitator of a community with members from leaving it without a facilitator', async () => {
    await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const refused = await api<{ error: { code: string } }>(server.origin, 'POST', '/api/me/delete', {
      cookie: facilitator.cookie,
      body: { password: facilitator.password, messages: 'keep' },
    });
    expect(refused.status).toBe(409);
    expect(await UserModel.exists({ email: facilitator.user.email })).not.toBeNull();
  });

  it('keeps the only admin of an organisation with confirmed people from leaving it without an admin', async () => {
    const admin = await registerUser(server.origin);
    const organisation = await createOrganisation(server.origin, admin);
    const colleague = await registerUser(server.origin);
    const path = `/api/organisations/${organisation.id}/affiliations`;
    expect((await api(server.origin, 'POST', path, { cookie: colleague.cookie, body: {} })).status).toBe(201);
    const confirmed = await api(server.origin, 'PATCH', `${path}/${colleague.user.id}`, {
      cookie: admin.cookie,
      body: { status: 'confirmed' },
    });
    expect(confirmed.status).toBe(200);
    const refused = await api(server.origin, 'POST', '/api/me/delete', {
      cookie: admin.cookie,
      body: { password: admin.password, messages: 'keep' },
    });
    expect(refused.status).toBe(409);
    expect(await UserModel.exists({ email: admin.user.email })).not.toBeNull();
  });

  it('refuses the audit log to members who are not facilitators', async () => {
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    const refused = await api(server.origin, 'GET', `/api/communities/${communityId}/audit`, {
      cookie: member.cookie,
    });
    expect(refused.status).toBe(403);
  });
});
