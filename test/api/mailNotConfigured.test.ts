import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '@common-ground/shared';
import { createCommunity, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('without a mail transport', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => server?.stop());

  const expectMailNotConfigured = (result: { status: number; body: unknown }) => {
    expect(result.status).toBe(503);
    expect((result.body as ErrorBody).error.code).toBe('mail_not_configured');
    expect((result.body as ErrorBody).error.message).toMatch(/email/);
  };

  it('answers a password reset request 503 mail_not_configured, for known and unknown addresses alike', async () => {
    const person = await registerUser(server.origin);
    const known = await api(server.origin, 'POST', '/api/auth/password-reset', {
      body: { email: person.user.email },
    });
    expectMailNotConfigured(known);
    const unknown = await api(server.origin, 'POST', '/api/auth/password-reset', {
      body: { email: 'nobody@example.org' },
    });
    expect(unknown).toEqual(known);
  });

  it('answers an email change 503, and the address stays', async () => {
    const person = await registerUser(server.origin);
    expectMailNotConfigured(
      await api(server.origin, 'POST', '/api/me/email', {
        cookie: person.cookie,
        body: { email: 'elsewhere@example.org', password: person.password },
      }),
    );
    const me = await api<{ user: { email: string } }>(server.origin, 'GET', '/api/me', {
      cookie: person.cookie,
    });
    expect(me.body.user.email).toBe(person.user.email);
  });

  it('still creates invitations with the link to share, marked as not emailed; resending is 503', async () => {
    const facilitator = await registerUser(server.origin);
    const community = await createCommunity(server.origin, facilitator);
    const created = await api<{ invitation: Invitation }>(
      server.origin,
      'POST',
      `/api/communities/${community.id}/invitations`,
      { cookie: facilitator.cookie, body: { email: 'invitee@example.org', role: 'member' } },
    );
    expect(created.status).toBe(201);
    expect(created.body.invitation.url).toContain('/invitations/');
    expect(created.body.invitation.emailed).toBe(false);
    expectMailNotConfigured(
      await api(
        server.origin,
        'POST',
        `/api/communities/${community.id}/invitations/${created.body.invitation.id}/resend`,
        { cookie: facilitator.cookie, body: {} },
      ),
    );
  });

  it('has no outbox outside development', async () => {
    expect((await api(server.origin, 'GET', '/api/dev/outbox')).status).toBe(404);
  });
});
