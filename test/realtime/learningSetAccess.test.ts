import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, COLLAB_MESSAGE, COLLAB_PATH, SOCKET_EVENTS, type Role } from '@common-ground/shared';
import { eventually, openRaw, upgradeStatus } from '../collaboration/collabClient.ts';
import { addToSet, joinCommunityAs } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { learningSetWorld } from '../support/learningSetWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, joinRoom, request, type ClientSocket } from './discussionClient.ts';

type World = Awaited<ReturnType<typeof learningSetWorld>>;

let server: TestServer;
let world: World;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  world = await learningSetWorld(server.origin);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop();
});

async function connect(cookie: string): Promise<ClientSocket> {
  const socket = await connectSocket(server.origin, cookie);
  sockets.push(socket);
  return socket;
}

/** Records every `room:access` the socket is told about. */
function accessChanges(socket: ClientSocket): (Role | null)[] {
  const seen: (Role | null)[] = [];
  socket.on(SOCKET_EVENTS.roomAccess, ({ role }) => seen.push(role));
  return seen;
}

const post = (socket: ClientSocket) =>
  request(socket, SOCKET_EVENTS.messageSend, {
    roomId: world.set.id,
    body: `Hello ${randomUUID()}`,
    clientMessageId: randomUUID(),
  });

describe('a learning set over Socket.IO and /collab', () => {
  it('admits nobody outside it: community facilitator, community member, visitor of another room', async () => {
    for (const [who, cookie] of [
      ['community facilitator', world.lead.cookie],
      ['community member outside the set', world.bystander.cookie],
      ['visitor with a pass for another room', world.visitor.cookie],
      ['outsider', world.outsider.cookie],
    ] as const) {
      const socket = await connect(cookie);
      const answer = await request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.set.id });
      expect(answer, who).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const upgrade = await upgradeStatus(server.origin, `${COLLAB_PATH}/${world.set.documentId}`, {
        cookie,
      });
      expect(upgrade, who).toBe(404);
    }
    const member = await connect(world.setMember.cookie);
    expect((await joinRoom(member, world.set.id)).role).toBe('member');
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${world.set.documentId}`, {
        cookie: world.setMember.cookie,
      }),
    ).toBe(101);
  });

  it('lets someone in as soon as they are added, on the socket they already have open', async () => {
    const newcomer = await joinCommunityAs(server.origin, world.lead, world.community.id, 'member');
    const socket = await connect(newcomer.cookie);
    expect(await request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.set.id })).toMatchObject({
      ok: false,
    });
    await addToSet(server.origin, world.setFacilitator, world.set.id, newcomer.user.id, 'observer');
    expect((await joinRoom(socket, world.set.id)).role).toBe('observer');
  });

  it('applies a role change at once on open connections', async () => {
    const person = await joinCommunityAs(server.origin, world.lead, world.community.id, 'member');
    await addToSet(server.origin, world.setFacilitator, world.set.id, person.user.id, 'member');
    const socket = await connect(person.cookie);
    const seen = accessChanges(socket);
    expect((await joinRoom(socket, world.set.id)).role).toBe('member');
    const raw = await openRaw(server.origin, world.set.documentId, { cookie: person.cookie });
    raw.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(raw.statuses().at(-1)?.access).toBe('edit'));

    await addToSet(server.origin, world.setFacilitator, world.set.id, person.user.id, 'observer');
    await eventually(() => expect(seen.at(-1)).toBe('observer'), 1000);
    await eventually(() => expect(raw.statuses().at(-1)?.access).toBe('view'), 1000);
    expect(await post(socket)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    raw.ws.close();
  });

  it('tells nobody outside it what is said in it: no mention, no digest entry', async () => {
    const socket = await connect(world.setMember.cookie);
    await joinRoom(socket, world.set.id);
    const body = `Asking @${world.bystander.user.displayName} and @${world.setFacilitator.user.displayName}`;
    expect(
      await request(socket, SOCKET_EVENTS.messageSend, {
        roomId: world.set.id,
        body,
        clientMessageId: randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    const notified = async (cookie: string) =>
      (
        (await api(server.origin, 'GET', '/api/notifications', { cookie })).body as {
          notifications: { roomId: string }[];
        }
      ).notifications.filter((n) => n.roomId === world.set.id).length;
    expect(await notified(world.setFacilitator.cookie)).toBe(1);
    expect(await notified(world.bystander.cookie)).toBe(0);
    const digested = async (cookie: string) =>
      (
        (await api(server.origin, 'GET', '/api/me/digest', { cookie })).body as {
          digest: { rooms: { roomId: string }[] };
        }
      ).digest.rooms.map((room) => room.roomId);
    expect(await digested(world.setFacilitator.cookie)).toContain(world.set.id);
    expect(await digested(world.bystander.cookie)).not.toContain(world.set.id);
    expect(await digested(world.lead.cookie)).not.toContain(world.set.id);
  });

  it('takes the set away at once from someone removed: the socket leaves it and /collab closes', async () => {
    const person = await joinCommunityAs(server.origin, world.lead, world.community.id, 'member');
    await addToSet(server.origin, world.setFacilitator, world.set.id, person.user.id, 'member');
    const socket = await connect(person.cookie);
    const seen = accessChanges(socket);
    await joinRoom(socket, world.set.id);
    expect(await post(socket)).toMatchObject({ ok: true });
    const raw = await openRaw(server.origin, world.set.documentId, { cookie: person.cookie });

    const removed = await api(
      server.origin,
      'DELETE',
      `/api/rooms/${world.set.id}/members/${person.user.id}`,
      {
        cookie: world.setFacilitator.cookie,
      },
    );
    expect(removed.status).toBe(204);
    await eventually(() => expect(seen.at(-1)).toBe(null), 1000);
    expect((await raw.closed).code).toBe(CLOSE_CODES.forbidden);
    expect(await post(socket)).toMatchObject({ ok: false });
    expect(await request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.set.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
