import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { COLLAB_PATH, SOCKET_IO_PATH } from '@common-ground/shared';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { upgradeStatus } from '../collaboration/collabClient.ts';
import { databaseSnapshot } from './databaseSnapshot.ts';

const PARTNER = 'https://partner.example.org';
const PUBLIC = 'https://cop.example.gov.uk';

/** Whether a Socket.IO client sending these headers gets connected (true) or refused (the error message). */
function socketConnects(origin: string, headers: Record<string, string>): Promise<true | string> {
  const socket = io(origin, {
    path: SOCKET_IO_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve(true);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

describe('Origin check on state-changing requests, Socket.IO and /collab', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof roomWithEveryRole>>;
  let foreign: string[];
  beforeAll(async () => {
    server = await startTestServer({
      DISABLE_RATE_LIMITS: 'true',
      ALLOWED_ORIGINS: PARTNER,
      PUBLIC_ORIGIN: PUBLIC,
    });
    world = await roomWithEveryRole(server.origin, 'open-day');
    foreign = [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      `http://localhost:${server.port}`,
      `${PARTNER}.evil.example`,
    ];
  });
  afterAll(async () => server?.stop());

  it('refuses a cross-origin POST, PATCH or DELETE that carries a valid session cookie, and changes nothing', async () => {
    const c = world.community.id;
    const requests = [
      { method: 'POST', path: '/api/communities', body: { name: 'Hijacked', purpose: '' } },
      {
        method: 'PATCH',
        path: `/api/communities/${c}/members/${world.observer.user.id}`,
        body: { role: 'facilitator' },
      },
      { method: 'DELETE', path: `/api/communities/${c}/members/${world.member.user.id}` },
      {
        method: 'POST',
        path: `/api/communities/${c}/invitations`,
        body: { email: 'x@evil.example', role: 'facilitator' },
      },
      {
        method: 'POST',
        path: `/api/rooms/${world.room.id}/visitor-passes`,
        body: { label: 'Leak', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
      { method: 'POST', path: '/api/auth/logout' },
    ];
    const before = await databaseSnapshot();
    for (const origin of foreign) {
      for (const request of requests) {
        const result = await api<{ error: { code: string } }>(server.origin, request.method, request.path, {
          cookie: world.facilitator.cookie,
          body: request.body,
          headers: { origin },
        });
        const what = `${request.method} ${request.path} from ${origin}`;
        expect(result.status, what).toBe(403);
        expect(result.body.error.code, what).toBe('origin_refused');
      }
    }
    expect(await databaseSnapshot()).toEqual(before);
    const stillSignedIn = await api(server.origin, 'GET', '/api/me', { cookie: world.facilitator.cookie });
    expect(stillSignedIn.status).toBe(200);
  });

  it('refuses a cross-origin sign-in, so a foreign page cannot plant its own session', async () => {
    const result = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: world.member.user.email, password: world.member.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(result.status).toBe(403);
    expect(result.cookie).toBeNull();
  });

  it('accepts the same origin, PUBLIC_ORIGIN, ALLOWED_ORIGINS, and non-browser clients without Origin', async () => {
    for (const origin of [server.origin, PUBLIC, PARTNER, null]) {
      const result = await api(server.origin, 'POST', '/api/communities', {
        cookie: world.facilitator.cookie,
        body: { name: `From ${origin}`, purpose: '' },
        headers: origin ? { origin } : {},
      });
      expect(result.status, `from ${origin}`).toBe(201);
    }
  });

  it('lets a foreign origin read (GET) but never change anything', async () => {
    const result = await api(server.origin, 'GET', `/api/rooms/${world.room.id}`, {
      cookie: world.member.cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(result.status).toBe(200);
  });

  it('refuses the Socket.IO handshake from a foreign Origin, even with a valid session cookie', async () => {
    const cookie = world.member.cookie;
    for (const origin of foreign) {
      expect(await socketConnects(server.origin, { cookie, origin }), origin).not.toBe(true);
      const polling = await fetch(`${server.origin}${SOCKET_IO_PATH}/?EIO=4&transport=polling`, {
        headers: { cookie, origin },
      });
      expect(polling.status, `polling from ${origin}`).toBe(403);
    }
    expect(await socketConnects(server.origin, { cookie, origin: server.origin })).toBe(true);
    expect(await socketConnects(server.origin, { cookie, origin: PARTNER })).toBe(true);
  });

  it('refuses the /collab upgrade from a foreign Origin, even with a valid session cookie', async () => {
    const path = `${COLLAB_PATH}/${world.room.documentId}`;
    const cookie = world.member.cookie;
    for (const origin of foreign)
      expect(await upgradeStatus(server.origin, path, { cookie, origin }), origin).toBe(403);
    expect(await upgradeStatus(server.origin, path, { cookie, origin: server.origin })).toBe(101);
    expect(await upgradeStatus(server.origin, path, { cookie, origin: PARTNER })).toBe(101);
  });
});
