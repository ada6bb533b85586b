import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseEnv } from '../../server/src/env.ts';
import { RateLimitCounterModel } from '../../server/src/models/RateLimitCounter.ts';
import { RateLimitSlotModel } from '../../server/src/models/RateLimitSlot.ts';
import { SessionModel } from '../../server/src/models/Session.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import { buildUser, createCommunity, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

/** A second instance of the platform on the same database, as behind a load balancer. */
async function startSecondInstance(): Promise<{ server: PlatformServer; origin: string }> {
  const parsed = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const server = createPlatformServer({ env: parsed.env, logger: pino({ level: 'silent' }) });
  const port = await server.listen(0, '127.0.0.1');
  return { server, origin: `http://127.0.0.1:${port}` };
}

const login = (origin: string, email: string, password = 'not the password at all') =>
  fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('rate limits (on, counted in MongoDB)', () => {
  let server: TestServer;
  let second: { server: PlatformServer; origin: string };
  let person: SignedIn;
  beforeAll(async () => {
    server = await startTestServer();
    second = await startSecondInstance();
    person = await registerUser(server.origin);
  });
  afterAll(async () => {
    await second?.server.close();
    await server?.stop();
  });
  beforeEach(async () => {
    await RateLimitCounterModel.deleteMany({});
    await RateLimitSlotModel.deleteMany({});
  });

  it('refuses the 11th sign-in attempt for one email within 15 minutes with 429 and Retry-After', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await login(server.origin, person.user.email)).status, `attempt ${attempt}`).toBe(401);
    }
    const refused = await login(server.origin, person.user.email, person.password);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(refused.headers.getSetCookie()).toEqual([]);
    // Another address is counted on its own.
    expect((await login(server.origin, buildUser().email)).status).toBe(401);
  });

  it('counts attempts across server instances sharing the database', async () => {
    const sessionsBefore = await SessionModel.countDocuments({});
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const origin = attempt % 2 ? server.origin : second.origin;
      expect((await login(origin, person.user.email)).status, `attempt ${attempt}`).toBe(401);
    }
    expect((await login(second.origin, person.user.email, person.password)).status).toBe(429);
    expect((await login(server.origin, person.user.email, person.password)).status).toBe(429);
    expect(await RateLimitSlotModel.countDocuments({})).toBeGreaterThan(0);
    expect(await SessionModel.countDocuments({})).toBe(sessionsBefore);
  });

  it('lets no more than the limit through when the attempts arrive all at once, on both instances', async () => {
    const email = person.user.email;
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => login(i % 2 ? second.origin : server.origin, email)),
    );
    const statuses = results.map((result) => result.status);
    expect(
      statuses.every((status) => status === 401 || status === 429),
      statuses.join(','),
    ).toBe(true);
    expect(statuses.filter((status) => status !== 429).length, statuses.join(',')).toBeLessThanOrEqual(10);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(14);
  });

  it('limits registration from one address (10 an hour)', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const result = await api(server.origin, 'POST', '/api/auth/register', { body: buildUser() });
      expect(result.status, `registration ${attempt}`).toBe(201);
    }
    const refused = await api(second.origin, 'POST', '/api/auth/register', { body: buildUser() });
    expect(refused.status).toBe(429);
    expect(refused.cookie).toBeNull();
  });

  it('limits invitations per session (50 an hour)', async () => {
    const communityId = (await createCommunity(server.origin, person)).id;
    const invite = (origin: string) =>
      api(origin, 'POST', `/api/communities/${communityId}/invitations`, {
        cookie: person.cookie,
        body: { email: buildUser().email, role: 'member' },
      });
    for (let invitation = 1; invitation <= 50; invitation += 1) {
      expect((await invite(invitation % 2 ? server.origin : second.origin)).status).toBe(201);
    }
    expect((await invite(server.origin)).status).toBe(429);
  });
});
