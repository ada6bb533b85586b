import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { registerUser } from '../support/factories.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectSocket, waitFor } from './discussionClient.ts';

/** Ending sessions on a reset or a password change must close their open sockets at once, not at the next re-check. */
describe('open sockets when the password is reset or changed', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      // Far beyond the test's wait: only the sessions-ended event can close the sockets in time.
      SESSION_RECHECK_SECONDS: '600',
      DISABLE_RATE_LIMITS: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await inbox?.stop();
  });

  it('closes every socket of the account on a reset', async () => {
    const person = await registerUser(server.origin);
    // Every new account is first sent its verification link.
    expect((await inbox.nextTo(person.user.email)).subject).toBe(
      'Verify your email address for Common Ground',
    );
    const socket = await connectSocket(server.origin, person.cookie);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));
    await api(server.origin, 'POST', '/api/auth/password-reset', { body: { email: person.user.email } });
    const token = linkIn(await inbox.nextTo(person.user.email), server.origin, '/reset-password/')
      .split('/')
      .pop();
    const reset = await api(server.origin, 'POST', '/api/auth/password-reset/complete', {
      body: { token, password: 'a reset long password' },
    });
    expect(reset.status).toBe(204);
    await waitFor(() => disconnected, 5000, 'the socket closed');
    socket.close();
  });

  it('closes the other session’s socket on a password change, and keeps this one’s', async () => {
    const person = await registerUser(server.origin);
    const other = await api(server.origin, 'POST', '/api/auth/login', {
      body: { email: person.user.email, password: person.password },
    });
    const mine = await connectSocket(server.origin, person.cookie);
    const theirs = await connectSocket(server.origin, other.cookie);
    let mineClosed = false;
    let theirsClosed = false;
    mine.on('disconnect', () => (mineClosed = true));
    theirs.on('disconnect', () => (theirsClosed = true));
    const changed = await api(server.origin, 'POST', '/api/me/password', {
      cookie: person.cookie,
      body: { currentPassword: person.password, newPassword: 'a changed long password' },
    });
    expect(changed.status).toBe(204);
    await waitFor(() => theirsClosed, 5000, 'the other session’s socket closed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mineClosed).toBe(false);
    mine.close();
    theirs.close();
  });
});
