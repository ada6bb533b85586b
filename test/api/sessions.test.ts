import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { SESSION_COOKIE } from '@common-ground/shared';
import { trusted } from '../../server/src/database/trusted.ts';
import { parseEnv } from '../../server/src/env.ts';
import { AuditEventModel } from '../../server/src/models/AuditEvent.ts';
import { SessionModel } from '../../server/src/models/Session.ts';
import { UserModel } from '../../server/src/models/User.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import { buildUser, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket } from '../realtime/discussionClient.ts';

const sessionIdOf = (cookie: string) =>
  createHash('sha256')
    .update(cookie.slice(SESSION_COOKIE.length + 1))
    .digest('hex');

/** The raw Set-Cookie header for the session, to read its attributes. */
async function signInHeader(origin: string, who: SignedIn, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: who.user.email, password: who.password }),
  });
  expect(response.status).toBe(200);
  const header = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error('no session cookie');
  return header;
}

describe('sessions and sign-in', () => {
  let server: TestServer;
  let proxied: { server: PlatformServer; origin: string };
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    const parsed = parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TRUST_PROXY: 'true',
      DISABLE_RATE_LIMITS: 'true',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const instance = createPlatformServer({ env: parsed.env, logger: pino({ level: 'silent' }) });
    proxied = { server: instance, origin: `http://127.0.0.1:${await instance.listen(0, '127.0.0.1')}` };
  });
  afterAll(async () => {
    await proxied?.server.close();
    await server?.stop();
  });

  const me = (cookie: string | null) => api(server.origin, 'GET', '/api/me', { cookie });
  const login = (who: SignedIn, cookie: string | null = null) =>
    api(server.origin, 'POST', '/api/auth/login', {
      cookie,
      body: { email: who.user.email, password: who.password },
    });

  it('gives a new session id at every sign-in and ends the one the browser already had', async () => {
    const person = await registerUser(server.origin);
    const first = await login(person);
    const second = await login(person, first.cookie);
    expect(first.cookie).not.toBeNull();
    expect(second.cookie).not.toBeNull();
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.cookie).not.toBe(person.cookie);
    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(second.cookie)).status).toBe(200);
    expect(await SessionModel.exists({ _id: sessionIdOf(first.cookie!) })).toBeNull();
  });

  it('cuts open sockets of the session a new sign-in replaced, within a second', async () => {
    const person = await registerUser(server.origin);
    const socket = await connectSocket(server.origin, person.cookie);
    const disconnected = new Promise<true>((resolve) => socket.once('disconnect', () => resolve(true)));
    try {
      expect((await login(person, person.cookie)).status).toBe(200);
      const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1500));
      expect(await Promise.race([disconnected, timeout]), 'old socket disconnected').toBe(true);
    } finally {
      socket.close();
    }
  });

  it('stores only a hash of the session token', async () => {
    const person = await registerUser(server.origin);
    const token = person.cookie.slice(SESSION_COOKIE.length + 1);
    expect(await SessionModel.exists({ _id: token })).toBeNull();
    expect(await SessionModel.exists({ _id: sessionIdOf(person.cookie) })).not.toBeNull();
  });

  it('ends the session at once on logout', async () => {
    const person = await registerUser(server.origin);
    const out = await api(server.origin, 'POST', '/api/auth/logout', { cookie: person.cookie });
    expect(out.status).toBe(204);
    expect((await me(person.cookie)).status).toBe(401);
    expect(await SessionModel.exists({ _id: sessionIdOf(person.cookie) })).toBeNull();
  });

  for (const field of ['idleExpiresAt', 'expiresAt'] as const) {
    it(`ends a session whose ${field} has passed (401) and removes its record`, async () => {
      const person = await registerUser(server.origin);
      const sessionId = sessionIdOf(person.cookie);
      expect((await me(person.cookie)).status).toBe(200);
      await SessionModel.updateOne({ _id: sessionId }, { $set: { [field]: new Date(Date.now() - 1000) } });
      expect((await me(person.cookie)).status).toBe(401);
      expect(await SessionModel.exists({ _id: sessionId })).toBeNull();
    });
  }

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/, and not Secure over plain http', async () => {
    const person = await registerUser(server.origin);
    const header = await signInHeader(server.origin, person, { 'x-forwarded-proto': 'https' });
    const attributes = header.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    // X-Forwarded-Proto is ignored unless TRUST_PROXY is set.
    expect(attributes).not.toContain('secure');
  });

  it('sets the cookie Secure when a trusted proxy says the request came over https', async () => {
    const person = await registerUser(proxied.origin);
    const header = await signInHeader(proxied.origin, person, { 'x-forwarded-proto': 'https' });
    const attributes = header.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
  });

  it('stores passwords as salted scrypt hashes, never in plain text', async () => {
    const password = 'the very same long password';
    const one = await registerUser(server.origin, { password });
    const two = await registerUser(server.origin, { password });
    const stored = await UserModel.find({ _id: trusted({ $in: [one.user.id, two.user.id] }) }).lean();
    expect(stored).toHaveLength(2);
    for (const user of stored) {
      expect(user.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
      expect(user.passwordHash).not.toContain(password);
      expect(JSON.stringify(user)).not.toContain(password);
    }
    expect(stored[0]!.passwordHash).not.toBe(stored[1]!.passwordHash);
  });

  it('answers an unknown email and a wrong password with the same 401 body, and audits both', async () => {
    const person = await registerUser(server.origin);
    const unknownEmail = buildUser().email;
    const unknown = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: unknownEmail, password: person.password },
    });
    const wrong = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: person.user.email, password: 'not the right password' },
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(unknown.cookie).toBeNull();
    expect(wrong.cookie).toBeNull();
    const failed = await AuditEventModel.find({ type: 'auth.login.failed' }).lean();
    expect(failed.some((event) => (event.detail as { email?: string })?.email === unknownEmail)).toBe(true);
    const againstUser = failed.find((event) => String(event.actorUserId) === person.user.id);
    expect(againstUser).toBeDefined();
    expect(JSON.stringify(failed)).not.toContain('not the right password');
  });

  it('audits a successful sign-in', async () => {
    const person = await registerUser(server.origin);
    expect((await login(person)).status).toBe(200);
    const succeeded = await AuditEventModel.find({
      type: 'auth.login.succeeded',
      actorUserId: person.user.id,
    }).lean();
    expect(succeeded).toHaveLength(1);
    expect(JSON.stringify(succeeded)).not.toContain(person.password);
  });
});
