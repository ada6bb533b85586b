import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../server/src/env.ts';
import { spawnServer } from '../support/serverProcess.ts';

describe('environment', () => {
  it('lists every problem at once', () => {
    const result = parseEnv({
      PORT: 'abc',
      MONGODB_URI: 'http://nope',
      LOG_LEVEL: 'loud',
      PUBLIC_ORIGIN: 'not a url',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const joined = result.problems.join('\n');
    for (const name of ['PORT', 'MONGODB_URI', 'LOG_LEVEL', 'PUBLIC_ORIGIN']) expect(joined).toContain(name);
    expect(result.problems).toHaveLength(4);
  });

  it('asks for the client id and secret whenever single sign-on is set up, and reads allowed domains as a list', () => {
    const half = parseEnv({ OIDC_ISSUER: 'https://login.example.org/tenant/v2.0' });
    expect(half.ok).toBe(false);
    if (half.ok) return;
    expect(half.problems.join('\n')).toContain('OIDC_CLIENT_ID');
    expect(half.problems.join('\n')).toContain('OIDC_CLIENT_SECRET');
    const whole = parseEnv({
      OIDC_ISSUER: 'https://login.example.org/tenant/v2.0',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ALLOWED_DOMAINS: ' Leeds.gov.uk, leedsth.nhs.uk ,',
    });
    expect(whole.ok && whole.env.OIDC_ALLOWED_DOMAINS).toEqual(['leeds.gov.uk', 'leedsth.nhs.uk']);
  });

  it('accepts an empty environment with sensible defaults', () => {
    const result = parseEnv({});
    expect(result.ok && result.env.PORT).toBe(3000);
  });

  it('makes the server exit before listening, printing each problem', async () => {
    const server = spawnServer({ PORT: 'abc', MONGODB_URI: 'http://nope', LOG_LEVEL: 'loud' });
    const { code } = await server.exited;
    expect(code).toBe(78);
    expect(server.output()).toContain('3 problems');
    for (const name of ['PORT', 'MONGODB_URI', 'LOG_LEVEL']) expect(server.output()).toContain(`- ${name}`);
  });
});
