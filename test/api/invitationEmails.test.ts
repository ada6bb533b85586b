import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '@common-ground/shared';
import { createCommunity, joinCommunityAs, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('invitations by email, over real SMTP', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let facilitator: SignedIn;
  let communityId: string;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
    });
    facilitator = await registerUser(server.origin, { displayName: 'Fatima Facilitator' });
    communityId = (await createCommunity(server.origin, facilitator, { name: 'Kinship care practice' })).id;
  });
  afterAll(async () => {
    await server?.stop();
    await inbox?.stop();
  });

  const invite = async (email: string) => {
    const result = await api<{ invitation: Invitation }>(
      server.origin,
      'POST',
      `/api/communities/${communityId}/invitations`,
      { cookie: facilitator.cookie, body: { email, role: 'member' } },
    );
    expect(result.status).toBe(201);
    return result.body.invitation;
  };
  const resend = (invitationId: string, who = facilitator) =>
    api<{ invitation: Invitation }>(
      server.origin,
      'POST',
      `/api/communities/${communityId}/invitations/${invitationId}/resend`,
      { cookie: who.cookie, body: {} },
    );
  const accept = (token: string, who: SignedIn) =>
    api(server.origin, 'POST', `/api/invitations/${token}/accept`, { cookie: who.cookie });

  it('emails the invitation on creation, and still gives the facilitator the link', async () => {
    const email = `invitee-${Date.now()}@example.org`;
    const invitation = await invite(email);
    expect(invitation.emailed).toBe(true);
    expect(invitation.url).toMatch(new RegExp(`^${server.origin}/invitations/`));

    const mail = await inbox.nextTo(email);
    expect(mail.subject).toBe('You are invited to join Kinship care practice on Common Ground');
    expect(mail.text).toContain('Fatima Facilitator has invited you to join Kinship care practice');
    expect(linkIn(mail, server.origin, '/invitations/')).toBe(invitation.url);
    expect(mail.html).toContain(`href="${invitation.url}"`);

    const invitee = await registerUser(server.origin, { email });
    expect((await accept(invitation.token!, invitee)).status).toBe(200);
  });

  it('resends with a fresh link: the old one stops working, the new one is emailed and works', async () => {
    const email = `resent-${Date.now()}@example.org`;
    const first = await invite(email);
    await inbox.nextTo(email);
    const resent = await resend(first.id);
    expect(resent.status).toBe(200);
    expect(resent.body.invitation.emailed).toBe(true);
    expect(resent.body.invitation.url).not.toBe(first.url);
    const mail = await inbox.nextTo(email);
    expect(linkIn(mail, server.origin, '/invitations/')).toBe(resent.body.invitation.url);

    const invitee = await registerUser(server.origin, { email });
    expect((await accept(first.token!, invitee)).status).toBe(404);
    expect((await accept(resent.body.invitation.token!, invitee)).status).toBe(200);
    expect((await resend(first.id)).status).toBe(404);
  });

  it('lets only those who may invite resend', async () => {
    const invitation = await invite(`kept-${Date.now()}@example.org`);
    const member = await joinCommunityAs(server.origin, facilitator, communityId, 'member');
    expect((await resend(invitation.id, member)).status).toBe(403);
  });
});
