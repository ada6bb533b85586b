import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity, createRoom, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('GET /api/communities/:id/rooms', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => {
    mongoose.set('debug', false);
    await server?.stop();
  });

  it('reads communities and organisations once however many rooms it lists (no N+1)', async () => {
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    for (let i = 0; i < 4; i++) await createRoom(server.origin, facilitator, community.id);

    const queries: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => queries.push(`${collection}.${method}`));
    const listed = await api<{ rooms: { communityName: string }[] }>(
      server.origin,
      'GET',
      `/api/communities/${community.id}/rooms`,
      { cookie: facilitator.cookie },
    );
    mongoose.set('debug', false);

    expect(listed.status).toBe(200);
    expect(listed.body.rooms.length).toBeGreaterThanOrEqual(4);
    expect(listed.body.rooms.every((room) => room.communityName === community.name)).toBe(true);
    const reads = (collection: string) => queries.filter((query) => query.startsWith(`${collection}.`));
    expect(reads('communities').length).toBeLessThanOrEqual(2);
    expect(reads('organisations').length).toBeLessThanOrEqual(1);
  });
});
