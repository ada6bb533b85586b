import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '@common-ground/shared';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('GET /api/session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => server?.stop());

  const session = async (cookie: string | null) => {
    const result = await api(server.origin, 'GET', '/api/session', { cookie });
    expect(result.status).toBe(200);
    return sessionResponseSchema.parse(result.body).session;
  };

  it('answers 200 with nobody, a user or a visitor, and nobody again after signing out', async () => {
    const { member, visitor, room } = await roomWithEveryRole(server.origin, 'open-day');
    expect(await session(null)).toBeNull();
    expect(await session('cg_session=not-a-real-session-token-at-all')).toBeNull();

    const asMember = await session(member.cookie);
    expect(asMember?.kind === 'user' && asMember.user.id).toBe(member.user.id);

    const asVisitor = await session(visitor!.cookie);
    expect(asVisitor?.kind === 'visitor' && asVisitor.visit.room.id).toBe(room.id);
    expect(asVisitor?.kind === 'visitor' && asVisitor.visit.room.role).toBe('visitor');

    expect((await api(server.origin, 'POST', '/api/auth/logout', { cookie: member.cookie })).status).toBe(
      204,
    );
    expect(await session(member.cookie)).toBeNull();
  });
});
