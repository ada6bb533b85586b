import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_PATH } from '@common-ground/shared';
import { createCommunity, createRoom, registerUser, roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { upgradeStatus } from './collabClient.ts';

let server: TestServer;
let everyRole: Awaited<ReturnType<typeof roomWithEveryRole>>;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', COLLAB_MAX_PENDING_UPGRADES_PER_IP: '3' });
  everyRole = await roomWithEveryRole(server.origin);
});
afterAll(async () => {
  await server.stop();
});

describe('upgrade to /collab/:documentId', () => {
  it('refuses a request without a session with 401 before upgrading', async () => {
    expect(await upgradeStatus(server.origin, `${COLLAB_PATH}/${everyRole.room.documentId}`, {})).toBe(401);
  });

  it('refuses an expired or unknown session cookie with 401', async () => {
    const cookie = 'cg_session=abcdefghijklmnopqrstuvwxyz0123456789';
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${everyRole.room.documentId}`, { cookie }),
    ).toBe(401);
  });

  it('refuses a foreign Origin with 403', async () => {
    const status = await upgradeStatus(server.origin, `${COLLAB_PATH}/${everyRole.room.documentId}`, {
      cookie: everyRole.member.cookie,
      origin: 'https://evil.example',
    });
    expect(status).toBe(403);
  });

  it('refuses a document of a community the caller is not in with 404', async () => {
    const stranger = await registerUser(server.origin);
    const community = await createCommunity(server.origin, stranger);
    const theirRoom = await createRoom(server.origin, stranger, community.id);
    const status = await upgradeStatus(server.origin, `${COLLAB_PATH}/${theirRoom.documentId}`, {
      cookie: everyRole.member.cookie,
    });
    expect(status).toBe(404);
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${theirRoom.documentId}`, {
        cookie: stranger.cookie,
      }),
    ).toBe(101);
  });

  it('refuses a document that does not exist, or a malformed id, with 404', async () => {
    const cookie = everyRole.member.cookie;
    expect(await upgradeStatus(server.origin, `${COLLAB_PATH}/0123456789abcdef01234567`, { cookie })).toBe(
      404,
    );
    expect(await upgradeStatus(server.origin, `${COLLAB_PATH}/not-an-id`, { cookie })).toBe(404);
  });

  it('accepts every role that may view, with the own Origin or none, and y-websocket query parameters', async () => {
    for (const cookie of Object.values(everyRole.cookies)) {
      const path = `${COLLAB_PATH}/${everyRole.room.documentId}?client=test`;
      expect(await upgradeStatus(server.origin, path, { cookie: cookie! })).toBe(101);
      expect(await upgradeStatus(server.origin, path, { cookie: cookie!, origin: server.origin })).toBe(101);
    }
  });

  it('refuses the outsider and a visitor on a document outside their open day with 404', async () => {
    const { outsider, visitor, facilitator, community } = everyRole;
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${everyRole.room.documentId}`, {
        cookie: outsider.cookie,
      }),
    ).toBe(404);
    const otherRoom = await createRoom(server.origin, facilitator, community.id, { kind: 'open-day' });
    expect(
      await upgradeStatus(server.origin, `${COLLAB_PATH}/${otherRoom.documentId}`, {
        cookie: visitor!.cookie,
      }),
    ).toBe(404);
  });

  it('refuses upgrades beyond the per-IP cap on authenticating ones with 429, and frees the slots afterwards', async () => {
    const path = `${COLLAB_PATH}/${everyRole.room.documentId}`;
    const cookie = everyRole.member.cookie;
    // One browser's burst shares one authorisation (AdmissionCache), so the cap is shown with separate sign-ins.
    const sessions = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const signedIn = await api(server.origin, 'POST', '/api/auth/login', {
          body: { email: everyRole.member.user.email, password: everyRole.member.password },
        });
        return signedIn.cookie!;
      }),
    );
    const statuses = await Promise.all(
      sessions.map((session) => upgradeStatus(server.origin, path, { cookie: session })),
    );
    expect(statuses).toContain(429);
    expect(statuses).toContain(101);
    expect(statuses.every((status) => status === 101 || status === 429)).toBe(true);
    expect(await upgradeStatus(server.origin, path, { cookie })).toBe(101);
  });
});
