import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, COLLAB_PATH, SOCKET_EVENTS, type Room } from '@common-ground/shared';
import {
  appendParagraph,
  connectClient,
  eventually,
  openRaw,
  paragraphs,
  upgradeStatus,
} from '../collaboration/collabClient.ts';
import { connectSocket, request, sendMessage } from '../realtime/discussionClient.ts';
import type { SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

describe('partners-only partnership rooms, over every path', () => {
  let server: TestServer;
  let world: PartnershipWorld;
  const call = as(() => server.origin);
  const httpPaths = () => [
    `/api/rooms/${world.room.id}`,
    `/api/rooms/${world.room.id}/messages`,
    `/api/documents/${world.room.documentId}/export?format=markdown`,
    `/api/documents/${world.room.documentId}/export?format=html`,
    `/api/documents/${world.room.documentId}/versions`,
    `/api/partnerships/${world.room.id}/journey`,
    `/api/partnerships/${world.room.id}/adaptations`,
    `/api/partnerships/${world.room.id}/reflections`,
  ];
  const socketJoin = async (who: SignedIn) => {
    const socket = await connectSocket(server.origin, who.cookie);
    try {
      return await request(socket, SOCKET_EVENTS.roomJoin, { roomId: world.room.id });
    } finally {
      socket.close();
    }
  };
  const collabStatus = (who: SignedIn) =>
    upgradeStatus(server.origin, `${COLLAB_PATH}/${world.room.documentId}`, { cookie: who.cookie });

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await partnershipWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it('is partners-only when created without a choice', () => {
    expect(world.room.visibility).toBe('partners');
  });

  it('admits people of the source and recipients, and the facilitators, over HTTP, Socket.IO and /collab', async () => {
    for (const who of [
      world.sourcePerson,
      world.recipientPerson,
      world.secondRecipientPerson,
      world.facilitator,
    ]) {
      for (const path of httpPaths()) expect((await call(who, 'GET', path)).status, path).toBe(200);
      expect((await socketJoin(who)).ok).toBe(true);
      expect(await collabStatus(who)).toBe(101);
    }
  });

  it('hides it from a member of the community from elsewhere over every path, exports included', async () => {
    for (const path of httpPaths()) expect((await call(world.elsewhere, 'GET', path)).status, path).toBe(404);
    const joined = await socketJoin(world.elsewhere);
    expect(joined.ok).toBe(false);
    expect(!joined.ok && joined.error.code).toBe('not_found');
    expect(await collabStatus(world.elsewhere)).toBe(404);
    const listed = await call<{ rooms: Room[] }>(
      world.elsewhere,
      'GET',
      `/api/communities/${world.communityId}/rooms`,
    );
    expect(listed.body.rooms.map((room) => room.id)).not.toContain(world.room.id);
    const seenByPartner = await call<{ rooms: Room[] }>(
      world.recipientPerson,
      'GET',
      `/api/communities/${world.communityId}/rooms`,
    );
    expect(seenByPartner.body.rooms.map((room) => room.id)).toContain(world.room.id);
  });

  it('tells nobody outside it what is said there: no mention, no digest entry', async () => {
    const socket = await connectSocket(server.origin, world.recipientPerson.cookie);
    await sendMessage(socket, world.room.id, '@Ella Elsewhere and @Sam Source: the pilot starts in June');
    socket.close();
    const notifications = async (who: SignedIn) =>
      (await call<{ notifications: { roomId: string }[] }>(who, 'GET', '/api/notifications')).body
        .notifications;
    expect((await notifications(world.sourcePerson)).map((n) => n.roomId)).toContain(world.room.id);
    expect(await notifications(world.elsewhere)).toEqual([]);
    const digest = async (who: SignedIn) =>
      (
        await call<{ digest: { rooms: { roomId: string }[] } }>(who, 'GET', '/api/me/digest')
      ).body.digest.rooms.map((r) => r.roomId);
    expect(await digest(world.sourcePerson)).toContain(world.room.id);
    expect(await digest(world.elsewhere)).not.toContain(world.room.id);
  });

  it('a stock y-websocket client of a partner edits; one from elsewhere never syncs', async () => {
    const partner = connectClient(server.origin, world.room.documentId, world.recipientPerson.cookie);
    await partner.synced();
    appendParagraph(partner.doc, 'Our plan for the pilot');
    await eventually(async () =>
      expect(paragraphs(await server.server.documents.read(world.room.documentId))).toContain(
        'Our plan for the pilot',
      ),
    );
    const stranger = connectClient(server.origin, world.room.documentId, world.elsewhere.cookie);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stranger.provider.synced).toBe(false);
    expect(paragraphs(stranger.doc)).toEqual([]);
    stranger.destroy();
    partner.destroy();
  });

  it('a community-visible partnership made partners-only closes the open connections of people from elsewhere', async () => {
    const opened = await call(world.sourcePerson, 'PATCH', `/api/partnerships/${world.room.id}`, {
      visibility: 'community',
    });
    expect(opened.status).toBe(200);
    expect(
      (await call(world.elsewhere, 'GET', `/api/documents/${world.room.documentId}/export?format=markdown`))
        .status,
    ).toBe(200);
    const raw = await openRaw(server.origin, world.room.documentId, { cookie: world.elsewhere.cookie });
    const partnerRaw = await openRaw(server.origin, world.room.documentId, {
      cookie: world.recipientPerson.cookie,
    });
    const closed = await call(world.recipientPerson, 'PATCH', `/api/partnerships/${world.room.id}`, {
      visibility: 'partners',
    });
    expect(closed.status).toBe(200);
    expect((await raw.closed).code).toBe(CLOSE_CODES.forbidden);
    expect(partnerRaw.ws.readyState).toBe(partnerRaw.ws.OPEN);
    partnerRaw.ws.close();
    // Nobody outside the partnership may change who sees it.
    expect(
      (
        await call(world.elsewhere, 'PATCH', `/api/partnerships/${world.room.id}`, {
          visibility: 'community',
        })
      ).status,
    ).toBe(404);
  });
});
