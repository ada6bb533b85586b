import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailPreferences } from '@common-ground/shared';
import { unsubscribeLinkFor } from '../../server/src/mail/unsubscribeLinkFor.ts';
import { registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('unsubscribe links, without signing in', () => {
  let server: TestServer;
  let jane: SignedIn;
  let omar: SignedIn;

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    jane = await registerUser(server.origin, { displayName: 'Jane Smith' });
    omar = await registerUser(server.origin, { displayName: 'Omar Okafor' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const preferencesOf = async (who: SignedIn) =>
    (
      await api<{ preferences: MailPreferences }>(server.origin, 'GET', '/api/me/settings', {
        cookie: who.cookie,
      })
    ).body.preferences;
  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

  it('opening the page changes nothing; its button turns that kind of email off', async () => {
    const link = await unsubscribeLinkFor(jane.user.id, 'mention', server.origin);
    expect(link.url).toMatch(new RegExp(`^${server.origin}/unsubscribe/${jane.user.id}\\.mention\\.`));
    const token = tokenOf(link.url);

    const check = await api(server.origin, 'GET', `/api/unsubscribe/${token}`);
    expect(check).toMatchObject({ status: 200, body: { kind: 'mention' } });
    expect((await preferencesOf(jane)).mentionEmails).toBe(true);

    const done = await api(server.origin, 'POST', `/api/unsubscribe/${token}`, {
      headers: { origin: server.origin },
    });
    expect(done).toMatchObject({ status: 200, body: { kind: 'mention' } });
    expect(await preferencesOf(jane)).toEqual({
      mentionEmails: false,
      joinRequestEmails: true,
      digest: 'weekly',
    });
    // Following it again is harmless.
    expect((await api(server.origin, 'POST', `/api/unsubscribe/${token}`)).status).toBe(200);
  });

  it("a mail client's one-click POST (RFC 8058, form-encoded, no cookie, no Origin) turns the digest off", async () => {
    const link = await unsubscribeLinkFor(omar.user.id, 'digest', server.origin);
    expect(link.oneClickUrl).toBe(`${server.origin}/api/unsubscribe/${tokenOf(link.url)}`);
    const response = await fetch(link.oneClickUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect((await preferencesOf(omar)).digest).toBe('off');
  });

  it('a forged, altered or borrowed token is refused and changes nothing', async () => {
    const omarBefore = await preferencesOf(omar);
    const janeLink = await unsubscribeLinkFor(jane.user.id, 'digest', server.origin);
    const [, , signature] = tokenOf(janeLink.url).split('.');
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    const refused = [
      // Jane's signature on Omar's id, or on another kind of email.
      `${omar.user.id}.digest.${signature}`,
      `${jane.user.id}.join-request.${signature}`,
      `${jane.user.id}.digest.${flipped}`,
      // Genuinely signed, but for someone who does not exist.
      tokenOf((await unsubscribeLinkFor('0'.repeat(24), 'digest', server.origin)).url),
    ];
    for (const token of refused) {
      for (const method of ['GET', 'POST']) {
        const answer = await api<{ error: { code: string } }>(
          server.origin,
          method,
          `/api/unsubscribe/${token}`,
        );
        expect(answer.status, `${method} ${token}`).toBe(404);
        expect(answer.body.error.code).toBe('not_found');
      }
    }
    const malformed = await api(server.origin, 'POST', '/api/unsubscribe/not-a-token');
    expect(malformed.status).toBe(400);
    expect(await preferencesOf(omar)).toEqual(omarBefore);
    expect((await preferencesOf(jane)).digest).toBe('weekly');
  });
});
