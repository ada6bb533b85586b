import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@common-ground/shared';
import { markEmailVerified } from '../../server/src/commands/account/emailVerifier.ts';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startOidcProvider, type OidcTestProvider } from '../support/oidcProvider.ts';
import { signInBySso } from '../support/ssoSignIn.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('single sign-on with OpenID Connect: linking rules', () => {
  let provider: OidcTestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startTestServer({
      DISABLE_RATE_LIMITS: 'true',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_DOMAINS: 'trust.example.org',
      OIDC_BUTTON_LABEL: 'Sign in with Microsoft',
    });
    provider.allowRedirect(`${server.origin}/api/auth/sso/callback`);
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  const me = (cookie: string | null) => api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie });
  const unique = () => Math.random().toString(36).slice(2, 10);

  it('says how the button reads', async () => {
    const settings = await api(server.origin, 'GET', '/api/auth/sso');
    expect(settings.body).toEqual({ enabled: true, buttonLabel: 'Sign in with Microsoft' });
  });

  it('creates an account on first sign-in, and signs the same identity in to it again', async () => {
    const login = `new-${unique()}`;
    provider.accounts.set(login, { email: `${login}@trust.example.org`, name: 'Ada Lovelace (facilitator)' });
    const first = await signInBySso(server.origin, login, '/communities?welcome=1');
    expect(first.landedOn).toBe('/communities?welcome=1');
    const user = (await me(first.cookie)).body.user;
    expect(user.email).toBe(`${login}@trust.example.org`);
    // An allowed domain: the provider vouches for the address even without email_verified.
    expect(user.emailVerified).toBe(true);
    // A name from the provider may not wear a role either.
    expect(user.displayName).toBe(login);

    const again = await signInBySso(server.origin, login);
    expect((await me(again.cookie)).body.user.id).toBe(user.id);
  });

  it('links to an existing account with the same address when the address is verified', async () => {
    const local = await registerUser(server.origin, { email: `owner-${unique()}@trust.example.org` });
    // The account's owner verified their address (by the emailed link), so they are known to hold it.
    await markEmailVerified(local.user.id);
    const login = `owner-${unique()}`;
    provider.accounts.set(login, { email: local.user.email, email_verified: true, name: 'Owner' });
    const result = await signInBySso(server.origin, login);
    expect((await me(result.cookie)).body.user.id).toBe(local.user.id);
    // The local password keeps working beside it.
    const password = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: local.user.email, password: local.password },
    });
    expect(password.status).toBe(200);
  });

  it('takes back an account someone registered with an address its owner now proves by the provider', async () => {
    const squatter = await registerUser(server.origin, { email: `head-${unique()}@trust.example.org` });
    const login = `head-${unique()}`;
    provider.accounts.set(login, { email: squatter.user.email, name: 'Real Owner' });
    const owner = await signInBySso(server.origin, login);
    expect((await me(owner.cookie)).body.user.id).toBe(squatter.user.id);
    expect((await me(owner.cookie)).body.user.emailVerified).toBe(true);
    // The one who registered it first is signed out, and their password no longer works.
    expect((await me(squatter.cookie)).status).toBe(401);
    const password = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: squatter.user.email, password: squatter.password },
    });
    expect(password.status).toBe(401);
  });

  it('refuses an address at a domain that is not allowed, and makes no account', async () => {
    const login = `outside-${unique()}`;
    provider.accounts.set(login, { email: `${login}@elsewhere.example.com`, email_verified: true });
    const result = await signInBySso(server.origin, login);
    expect(result.landedOn).toBe('/sign-in?sso=domain-not-allowed');
    expect(result.cookie).toBeNull();
  });

  it('refuses a replayed or forged callback: state must match this browser and be unused', async () => {
    const forged = await api(server.origin, 'GET', '/api/auth/sso/callback?code=abc&state=not-ours');
    expect(forged.status).toBe(302);
    expect(forged.cookie).toBeNull();
  });
});

describe('single sign-on without allowed domains: only a provider-verified address links', () => {
  let provider: OidcTestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startOidcProvider();
    server = await startTestServer({
      DISABLE_RATE_LIMITS: 'true',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    });
    provider.allowRedirect(`${server.origin}/api/auth/sso/callback`);
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  it('does not take over an existing account when the provider does not say the address is verified', async () => {
    const victim = await registerUser(server.origin);
    provider.accounts.set('attacker', { email: victim.user.email, email_verified: false });
    const result = await signInBySso(server.origin, 'attacker');
    expect(result.landedOn).toBe('/sign-in?sso=email-not-verified');
    expect(result.cookie).toBeNull();
  });

  it('makes no account for an unverified address nobody has (nobody sits on an address before its owner)', async () => {
    provider.accounts.set('squatter', { email: 'someone-else@example.net', name: 'Squatter' });
    const result = await signInBySso(server.origin, 'squatter');
    expect(result.landedOn).toBe('/sign-in?sso=email-not-verified');
    expect(result.cookie).toBeNull();
    const registering = await api(server.origin, 'POST', '/api/auth/register', {
      body: { email: 'someone-else@example.net', password: 'a long enough password', displayName: 'Owner' },
    });
    expect(registering.status).toBe(201);
  });

  it('creates a verified account for a provider-verified address nobody has', async () => {
    provider.accounts.set('newcomer', {
      email: 'newcomer@example.net',
      email_verified: true,
      name: 'New Comer',
    });
    const result = await signInBySso(server.origin, 'newcomer');
    const user = (await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: result.cookie })).body
      .user;
    expect(user.email).toBe('newcomer@example.net');
    expect(user.emailVerified).toBe(true);
    expect(user.displayName).toBe('New Comer');
  });
});
