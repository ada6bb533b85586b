import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '@common-ground/shared';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('the development outbox (development without a mail transport)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'development', DISABLE_RATE_LIMITS: 'true' });
  });
  afterAll(async () => server?.stop());

  it('keeps each email instead of sending it, so its link can be followed from this machine', async () => {
    const person = await registerUser(server.origin);
    expect(
      (await api(server.origin, 'POST', '/api/auth/password-reset', { body: { email: person.user.email } }))
        .status,
    ).toBe(202);
    let messages: OutboxMessage[] = [];
    await expect
      .poll(async () => {
        // The sign-up verification email is there too: this test is about the reset.
        messages = (
          await api<{ messages: OutboxMessage[] }>(server.origin, 'GET', '/api/dev/outbox')
        ).body.messages.filter((message) => message.kind === 'password-reset');
        return messages.length;
      })
      .toBe(1);
    expect(messages[0]).toMatchObject({
      kind: 'password-reset',
      to: person.user.email,
      subject: 'Reset your Common Ground password',
    });
    const link = messages[0]!.text.match(/http\S+\/reset-password\/(\S+)/);
    expect(link).not.toBeNull();
    const reset = await api(server.origin, 'POST', '/api/auth/password-reset/complete', {
      body: { token: link![1], password: 'a password from the outbox' },
    });
    expect(reset.status).toBe(204);
  });
});
