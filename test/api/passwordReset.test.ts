import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/auth/tokens.ts';
import { AccountTokenModel } from '../../server/src/models/AccountToken.ts';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

const NEW_PASSWORD = 'a brand new password';

describe('password reset by email, over real SMTP', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Common Ground <no-reply@cop.example.gov.uk>',
      DISABLE_RATE_LIMITS: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await inbox?.stop();
  });

  const requestReset = (email: string) =>
    api(server.origin, 'POST', '/api/auth/password-reset', { body: { email } });
  const reset = (token: string, password = NEW_PASSWORD) =>
    api<{ error: { code: string } }>(server.origin, 'POST', '/api/auth/password-reset/complete', {
      body: { token, password },
    });
  const login = (email: string, password: string) =>
    api(server.origin, 'POST', '/api/auth/login', { body: { email, password } });
  const me = (cookie: string) => api(server.origin, 'GET', '/api/me', { cookie });
  async function resetLink(email: string): Promise<string> {
    expect((await requestReset(email)).status).toBe(202);
    const mail = await inbox.nextTo(email);
    return linkIn(mail, server.origin, '/reset-password/');
  }
  const tokenOf = (link: string) => link.split('/').pop()!;
  /** A new account, with the sign-up verification email it gets already taken from the inbox. */
  const registered = async () => {
    const person = await registerUser(server.origin);
    await inbox.nextTo(person.user.email);
    return person;
  };

  it('answers an unknown address exactly as a known one, and emails only the known one', async () => {
    const person = await registered();
    const unknown = `nobody-${Date.now()}@example.org`;
    const known = await requestReset(person.user.email);
    const notKnown = await requestReset(unknown);
    expect(notKnown).toEqual(known);
    expect(known.status).toBe(202);

    const mail = await inbox.nextTo(person.user.email);
    expect(mail.from).toBe('"Common Ground" <no-reply@cop.example.gov.uk>');
    expect(mail.subject).toBe('Reset your Common Ground password');
    expect(mail.text).toContain(`${server.origin}/reset-password/`);
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html).toContain('Choose a new password</a>');
    // Give a message to the unknown address every chance to arrive: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.to(unknown)).toEqual([]);
  });

  it('sets the new password and ends every session of the account', async () => {
    const person = await registered();
    const second = await login(person.user.email, person.password);
    expect(second.status).toBe(200);
    const link = await resetLink(person.user.email);

    expect((await reset(tokenOf(link))).status).toBe(204);
    expect((await me(person.cookie)).status).toBe(401);
    expect((await me(second.cookie!)).status).toBe(401);
    expect((await login(person.user.email, person.password)).status).toBe(401);
    expect((await login(person.user.email, NEW_PASSWORD)).status).toBe(200);
    const notice = await inbox.nextTo(person.user.email);
    expect(notice.subject).toBe('Your Common Ground password has changed');
  });

  it('works once: the second use is 410 and does not change the password again', async () => {
    const person = await registered();
    const token = tokenOf(await resetLink(person.user.email));
    expect((await reset(token)).status).toBe(204);
    const again = await reset(token, 'yet another password');
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('gone');
    expect((await login(person.user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('lets exactly one of two concurrent uses through', async () => {
    const person = await registered();
    const token = tokenOf(await resetLink(person.user.email));
    const results = await Promise.all([
      reset(token, 'first racing password'),
      reset(token, 'second racing pw!'),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([204, 410]);
  });

  it('stores the token only as its SHA-256 hash', async () => {
    const person = await registered();
    const token = tokenOf(await resetLink(person.user.email));
    const stored = await AccountTokenModel.find({ userId: person.user.id, purpose: 'password-reset' }).lean();
    expect(stored.map((record) => record._id)).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('expires: a link past its time is 410 and leaves the password as it was', async () => {
    const person = await registered();
    const token = tokenOf(await resetLink(person.user.email));
    await AccountTokenModel.updateOne(
      { _id: hashToken(token) },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await reset(token)).status).toBe(410);
    expect((await login(person.user.email, person.password)).status).toBe(200);
    expect((await me(person.cookie)).status).toBe(200);
  });

  it('refuses a made-up token (404) and a too-short new password (400)', async () => {
    expect((await reset('a'.repeat(43))).status).toBe(404);
    const person = await registered();
    const token = tokenOf(await resetLink(person.user.email));
    expect((await reset(token, 'short')).status).toBe(400);
    expect((await reset(token)).status).toBe(204);
  });
});
