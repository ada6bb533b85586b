import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('access smoke', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('builds a room with every role', async () => {
    const setup = await roomWithEveryRole(server.origin);
    for (const [role, cookie] of Object.entries(setup.cookies)) {
      const result = await api<{ room: { role: string } }>(
        server.origin,
        'GET',
        `/api/rooms/${setup.room.id}`,
        { cookie },
      );
      expect(result.status, role).toBe(200);
      expect(result.body.room.role).toBe(role);
    }
    const outsider = await api(server.origin, 'GET', `/api/rooms/${setup.room.id}`, {
      cookie: setup.outsider.cookie,
    });
    expect(outsider.status).toBe(404);
  });
});
