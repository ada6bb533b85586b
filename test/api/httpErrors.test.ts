import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, LIMITS } from '@common-ground/shared';
import { registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { databaseSnapshot } from './databaseSnapshot.ts';

describe('HTTP errors: size limit, malformed JSON, unknown routes', () => {
  let server: TestServer;
  let person: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    person = await registerUser(server.origin);
  });
  afterAll(async () => server?.stop());

  function expectError(result: { status: number; body: unknown }, status: number, code: string) {
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    const parsed = errorBodySchema.parse(result.body);
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message).not.toMatch(/\n\s+at /);
  }

  it('refuses a body over the size limit with 413 and stores nothing', async () => {
    const before = await databaseSnapshot();
    const name = 'x'.repeat(LIMITS.httpBodyBytes + 1);
    for (const [path, body] of [
      ['/api/communities', { name, purpose: '' }],
      ['/api/auth/register', { email: 'big@example.org', password: name, displayName: 'Big' }],
    ] as const) {
      expectError(
        await api(server.origin, 'POST', path, { cookie: person.cookie, body }),
        413,
        'payload_too_large',
      );
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    for (const rawBody of [
      '{"email": "a@b.c",',
      '{email: 1}',
      "{'a': 1}",
      'null',
      '"just a string"',
      '{"a":1}}',
    ]) {
      const result = await api(server.origin, 'POST', '/api/auth/login', { rawBody });
      expectError(result, 400, 'bad_request');
    }
  });

  it('refuses a body that is not JSON at all with 400, not a crash', async () => {
    const response = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a@b.c&password=x',
    });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('validation_failed');
  });

  it('answers an unknown /api route with a 404 JSON body, signed in or not', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/nothing-here'],
      ['GET', '/api/rooms'],
      ['DELETE', '/api/communities'],
      ['GET', '/api/auth/login'],
    ] as const) {
      for (const cookie of [null, person.cookie]) {
        const result = await api(server.origin, method, path, { cookie });
        expectError(result, 404, 'not_found');
      }
    }
  });
});
