import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RateLimitSlotModel } from '../../server/src/models/RateLimitSlot.ts';
import { claimSlidingSlot } from '../../server/src/rateLimits/claimSlidingSlot.ts';
import { registerUser, type SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

const WRONG = 'not the password at all';

describe('sign-in limits that cannot be turned against the owner', () => {
  let server: TestServer;
  let owner: SignedIn;
  // Behind a trusted proxy, so each request can say which network it came from.
  const login = (email: string, password: string, ip: string) =>
    fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    });

  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true' });
    owner = await registerUser(server.origin);
  });
  afterAll(async () => server?.stop());
  beforeEach(async () => {
    await RateLimitSlotModel.deleteMany({});
  });

  it('lets the owner in from their own network after someone elsewhere has guessed wrong ten times', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1)
      expect((await login(owner.user.email, WRONG, '203.0.113.7')).status, `guess ${attempt}`).toBe(401);
    expect((await login(owner.user.email, owner.password, '203.0.113.7')).status).toBe(429);
    expect((await login(owner.user.email, owner.password, '198.51.100.20')).status).toBe(200);
  });

  it('does not count sign-ins that succeed', async () => {
    for (let attempt = 1; attempt <= 12; attempt += 1)
      expect(
        (await login(owner.user.email, owner.password, '198.51.100.21')).status,
        `sign-in ${attempt}`,
      ).toBe(200);
    // Wrong guesses after those still get their full ten before the limit.
    for (let attempt = 1; attempt <= 10; attempt += 1)
      expect((await login(owner.user.email, WRONG, '198.51.100.21')).status, `guess ${attempt}`).toBe(401);
    expect((await login(owner.user.email, WRONG, '198.51.100.21')).status).toBe(429);
  });

  it('slides: ten guesses just before a window boundary leave none just after it', async () => {
    const windowMs = 15 * 60_000;
    const boundary = Math.ceil(Date.now() / windowMs) * windowMs + windowMs;
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const claim = await claimSlidingSlot('test-slide', 'someone', 10, windowMs, boundary - 1000);
      expect(claim.allowed, `claim ${attempt}`).toBe(true);
    }
    const justAfter = await claimSlidingSlot('test-slide', 'someone', 10, windowMs, boundary + 1000);
    expect(justAfter).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 2 });
    const windowLater = await claimSlidingSlot(
      'test-slide',
      'someone',
      10,
      windowMs,
      boundary - 1000 + windowMs,
    );
    expect(windowLater.allowed).toBe(true);
  });

  it('lets exactly the limit through when claims race for freed slots, round after round', async () => {
    const windowMs = 60_000;
    const start = Date.now();
    for (let i = 0; i < 5; i += 1) await claimSlidingSlot('test-race', 'k', 5, windowMs, start);
    for (let round = 1; round <= 3; round += 1) {
      // Every slot has expired by this round's time: twenty racing claimants compete for the five.
      const at = start + round * (windowMs + 1);
      const claims = await Promise.all(
        Array.from({ length: 20 }, () => claimSlidingSlot('test-race', 'k', 5, windowMs, at)),
      );
      expect(
        claims.filter((claim) => claim.allowed),
        `round ${round}`,
      ).toHaveLength(5);
    }
  });
});
