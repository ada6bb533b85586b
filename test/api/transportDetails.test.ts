import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserModel } from '../../server/src/models/User.ts';
import { buildUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('transport details', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Behind a proxy that terminates TLS, without TRUST_PROXY: requests look like plain http.
    server = await startTestServer({ PUBLIC_ORIGIN: 'https://cop.example.test' });
  });
  afterAll(async () => server?.stop());

  it('sets Secure on the session cookie when the public origin is https, whatever the request looked like', async () => {
    const response = await fetch(`${server.origin}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buildUser()),
    });
    expect(response.status).toBe(201);
    const attributes = response.headers
      .getSetCookie()[0]!
      .split(';')
      .map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('secure');
  });

  it('answers 408 and closes a connection that stalls partway through its headers, within about ten seconds', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      let received = '';
      const socket = net.connect(server.port, '127.0.0.1', () =>
        socket.write('GET /api/session HTTP/1.1\r\nHost: x\r\nX-Slow: '),
      );
      // A header byte every second does not keep it alive.
      const dribble = setInterval(() => socket.write('a'), 1000);
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('close', () => {
        clearInterval(dribble);
        resolve(received);
      });
      socket.on('error', () => undefined);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(13_000);
  }, 20_000);

  it.each([
    ['an unknown encoding', 'bogus', Buffer.from(JSON.stringify(buildUser()))],
    ['gzip that is not gzip', 'gzip', Buffer.from(JSON.stringify(buildUser()))],
  ])('answers 400, not 500, to %s, and stores nothing', async (_name, encoding, body) => {
    const before = await UserModel.countDocuments({});
    const response = await fetch(`${server.origin}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect(await UserModel.countDocuments({})).toBe(before);
  });

  it('cleans NUL, zero-width and bidirectional characters out of names', async () => {
    const person = buildUser({ displayName: '\u202ESam\u0000 \u200BJones\u2069' });
    const result = await api<{ user: { displayName: string } }>(server.origin, 'POST', '/api/auth/register', {
      body: person,
    });
    expect(result.status).toBe(201);
    expect(result.body.user.displayName).toBe('Sam Jones');
  });

  it.each([
    ['invisible-only', '\u200B\u200C\u2060\uFEFF'],
    ['an override alone', '\u202E'],
    ['a role in brackets', 'Sam (facilitator)'],
  ])('refuses a display name that is %s, storing nothing', async (_name, displayName) => {
    const person = buildUser({ displayName });
    const result = await api<{ error: { code: string } }>(server.origin, 'POST', '/api/auth/register', {
      body: person,
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(await UserModel.countDocuments({ email: person.email })).toBe(0);
  });
});
