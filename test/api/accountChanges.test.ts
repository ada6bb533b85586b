import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@common-ground/shared';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('changing one’s password and email address', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await inbox?.stop();
  });

  /** A new account, with the sign-up verification email it gets already taken from the inbox. */
  const registered = async () => {
    const person = await registerUser(server.origin);
    await inbox.nextTo(person.user.email);
    return person;
  };
  const login = (email: string, password: string) =>
    api(server.origin, 'POST', '/api/auth/login', { body: { email, password } });
  const me = (cookie: string) => api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie });
  const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
    api<{ error: { code: string } }>(server.origin, 'POST', '/api/me/password', {
      cookie,
      body: { currentPassword, newPassword },
    });
  const changeEmail = (cookie: string, email: string, password: string) =>
    api<{ error: { code: string } }>(server.origin, 'POST', '/api/me/email', {
      cookie,
      body: { email, password },
    });
  const confirm = (token: string) =>
    api<{ email: string }>(server.origin, 'POST', '/api/auth/email-change/confirm', { body: { token } });

  it('changes the password, keeps this session and signs out the others', async () => {
    const person = await registered();
    const other = await login(person.user.email, person.password);
    expect((await me(other.cookie!)).status).toBe(200);

    const wrong = await changePassword(person.cookie, 'not my password', 'a new long password');
    expect(wrong.status).toBe(403);
    expect((await me(other.cookie!)).status).toBe(200);

    expect((await changePassword(person.cookie, person.password, 'a new long password')).status).toBe(204);
    expect((await me(person.cookie)).status).toBe(200);
    expect((await me(other.cookie!)).status).toBe(401);
    expect((await login(person.user.email, person.password)).status).toBe(401);
    expect((await login(person.user.email, 'a new long password')).status).toBe(200);
    const notice = await inbox.nextTo(person.user.email);
    expect(notice.subject).toBe('Your Common Ground password has changed');
  });

  it('changes the email address only once the link sent to the new address is used', async () => {
    const person = await registered();
    const newEmail = `moved-${Date.now()}@example.org`;
    expect((await changeEmail(person.cookie, newEmail, 'not my password')).status).toBe(403);
    expect((await changeEmail(person.cookie, newEmail, person.password)).status).toBe(202);

    const mail = await inbox.nextTo(newEmail);
    expect(mail.subject).toBe('Confirm your new email address for Common Ground');
    // Nothing to the old address yet but the sign-up verification link.
    expect(inbox.to(person.user.email).map((sent) => sent.subject)).toEqual([
      'Verify your email address for Common Ground',
    ]);
    // Not yet confirmed: the account keeps its address.
    expect((await me(person.cookie)).body.user.email).toBe(person.user.email);
    expect((await login(newEmail, person.password)).status).toBe(401);

    const token = linkIn(mail, server.origin, '/confirm-email/').split('/').pop()!;
    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.email).toBe(newEmail);
    expect((await me(person.cookie)).body.user.email).toBe(newEmail);
    // The link proved the new mailbox is theirs.
    expect((await me(person.cookie)).body.user.emailVerified).toBe(true);
    expect((await login(newEmail, person.password)).status).toBe(200);
    expect((await login(person.user.email, person.password)).status).toBe(401);
    expect((await confirm(token)).status).toBe(410);

    const notice = await inbox.nextTo(person.user.email);
    expect(notice.subject).toBe('Your Common Ground email address has changed');
    expect(notice.text).toContain(newEmail);
  });

  it('refuses an address another account uses (409), sending nothing', async () => {
    const person = await registered();
    const other = await registered();
    const result = await changeEmail(person.cookie, other.user.email, person.password);
    expect(result.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.to(other.user.email).map((mail) => mail.subject)).toEqual([
      'Verify your email address for Common Ground',
    ]);
  });

  it('honours only the latest request: an older link stops working', async () => {
    const person = await registered();
    const first = `first-${Date.now()}@example.org`;
    const second = `second-${Date.now()}@example.org`;
    expect((await changeEmail(person.cookie, first, person.password)).status).toBe(202);
    const firstToken = linkIn(await inbox.nextTo(first), server.origin, '/confirm-email/')
      .split('/')
      .pop()!;
    expect((await changeEmail(person.cookie, second, person.password)).status).toBe(202);
    await inbox.nextTo(second);
    expect((await confirm(firstToken)).status).toBe(404);
    expect((await me(person.cookie)).body.user.email).toBe(person.user.email);
  });

  it('needs a signed-in user for both changes', async () => {
    expect((await changePassword('', 'x', 'a new long password')).status).toBe(401);
    expect((await changeEmail('', 'someone@example.org', 'x')).status).toBe(401);
  });
});
