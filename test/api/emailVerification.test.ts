import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Affiliation, NotificationList, Organisation, User } from '@common-ground/shared';
import { setPlatformAdmin } from '../../server/src/commands/platformAdmins.ts';
import { buildUser, createOrganisation, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { linkIn, rawHeader, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

describe('verified addresses, organisation domains and join requests', () => {
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

  const me = async (who: SignedIn) =>
    (await api<{ user: User }>(server.origin, 'GET', '/api/me', { cookie: who.cookie })).body.user;
  const verifyFromInbox = async (email: string) => {
    const mail = await inbox.nextTo(email);
    expect(mail.subject).toBe('Verify your email address for Common Ground');
    const token = linkIn(mail, server.origin, '/verify-email/').split('/').pop()!;
    return api<{ email: string }>(server.origin, 'POST', '/api/auth/verify-email', { body: { token } });
  };
  const unique = () => Math.random().toString(36).slice(2, 10);

  /** An organisation, verified by a platform administrator, with its admin signed in. */
  async function verifiedOrganisation(): Promise<{ admin: SignedIn; organisation: Organisation }> {
    const admin = await registerUser(server.origin, { displayName: 'Olu Admin' });
    await inbox.nextTo(admin.user.email);
    const organisation = await createOrganisation(server.origin, admin);
    const operator = await registerUser(server.origin);
    await setPlatformAdmin(operator.user.email, true);
    const verified = await api(server.origin, 'PUT', `/api/organisations/${organisation.id}/verification`, {
      cookie: operator.cookie,
      body: { verified: true },
    });
    expect(verified.status).toBe(200);
    return { admin, organisation };
  }

  it('registers as before (201 and a session), then verifies the address by the emailed link, once', async () => {
    const person = await registerUser(server.origin);
    expect(person.user.emailVerified).toBe(false);
    const verified = await verifyFromInbox(person.user.email);
    expect(verified.status).toBe(200);
    expect((await me(person)).emailVerified).toBe(true);
    const again = await api(server.origin, 'POST', '/api/auth/verify-email', {
      body: { token: 'x'.repeat(43) },
    });
    expect(again.status).toBe(404);
  });

  it('keeps the registration answer for a taken address, and tells its owner someone tried', async () => {
    const owner = await registerUser(server.origin);
    await inbox.nextTo(owner.user.email);
    const attempt = await api<{ error: { code: string } }>(server.origin, 'POST', '/api/auth/register', {
      body: buildUser({ email: owner.user.email }),
    });
    expect(attempt.status).toBe(409);
    expect(attempt.cookie).toBeNull();
    const notice = await inbox.nextTo(owner.user.email);
    expect(notice.subject).toBe('Someone tried to create a Common Ground account with your email address');
    expect(notice.text).toContain(`${server.origin}/forgotten-password`);
    expect(notice.html).toContain('<html lang="en-GB">');

    // Many more tries still answer 409, but the owner hears of at most three a day.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const again = await api(server.origin, 'POST', '/api/auth/register', {
        body: buildUser({ email: owner.user.email }),
      });
      expect(again.status).toBe(409);
    }
    await inbox.nextTo(owner.user.email);
    await inbox.nextTo(owner.user.email);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const notices = inbox.to(owner.user.email).filter((mail) => mail.subject.startsWith('Someone tried'));
    expect(notices).toHaveLength(3);
  });

  it('lets a verified organisation’s admins list its domains, refusing webmail and domains another holds', async () => {
    const { admin, organisation } = await verifiedOrganisation();
    const setDomains = (who: SignedIn, id: string, emailDomains: string[]) =>
      api<{ organisation: Organisation }>(server.origin, 'PATCH', `/api/organisations/${id}`, {
        cookie: who.cookie,
        body: { emailDomains },
      });
    expect((await setDomains(admin, organisation.id, ['gmail.com'])).status).toBe(400);
    expect((await setDomains(admin, organisation.id, ['not a domain'])).status).toBe(400);
    const domain = `council-${unique()}.gov.uk`;
    const set = await setDomains(admin, organisation.id, [domain, `@${domain.toUpperCase()}`]);
    expect(set.status).toBe(200);
    expect(set.body.organisation.emailDomains).toEqual([domain]);

    const other = await verifiedOrganisation();
    expect((await setDomains(other.admin, other.organisation.id, [domain])).status).toBe(409);
    // An unverified organisation may not claim domains at all.
    const squatter = await registerUser(server.origin);
    const fake = await createOrganisation(server.origin, squatter);
    expect((await setDomains(squatter, fake.id, [`other-${domain}`])).status).toBe(403);
  });

  it('asks a person with a verified address at a listed domain to join, as pending, and tells the admins', async () => {
    const { admin, organisation } = await verifiedOrganisation();
    const domain = `trust-${unique()}.nhs.uk`;
    await api(server.origin, 'PATCH', `/api/organisations/${organisation.id}`, {
      cookie: admin.cookie,
      body: { emailDomains: [domain] },
    });
    const person = await registerUser(server.origin, { email: `sam@${domain}`, displayName: 'Sam Newcomer' });
    // Not verified yet: no organisation by domain.
    expect((await me(person)).organisationStatus).toBe('none');
    expect((await verifyFromInbox(person.user.email)).status).toBe(200);
    const after = await me(person);
    expect(after.organisationStatus).toBe('pending');
    expect(after.organisation?.id).toBe(organisation.id);

    const alert = await inbox.nextTo(admin.user.email);
    expect(alert.subject).toBe(`Someone asked to join ${organisation.name} on Common Ground`);
    expect(alert.text).toContain('Sam Newcomer');
    expect(alert.text).toContain('verified email address at one of your organisation');
    expect(alert.text).toContain(`${server.origin}/organisation`);
    expect(alert.text).not.toContain('free webmail');
    expect(alert.html).toContain('<main');
    // An optional email: it says how to stop it without signing in, and mail clients get a one-click header.
    expect(alert.text).toContain('Stop emails when someone asks to join your organisation');
    expect(rawHeader(alert, 'List-Unsubscribe')).toContain(
      `${server.origin}/api/unsubscribe/${admin.user.id}.join-request.`,
    );

    const notifications = await api<NotificationList>(server.origin, 'GET', '/api/notifications', {
      cookie: admin.cookie,
    });
    expect(notifications.body.notifications[0]).toMatchObject({
      kind: 'join-request',
      actor: { displayName: 'Sam Newcomer' },
      organisation: { id: organisation.id },
      roomId: null,
    });
    const affiliations = await api<{ affiliations: Affiliation[] }>(
      server.origin,
      'GET',
      `/api/organisations/${organisation.id}/affiliations`,
      { cookie: admin.cookie },
    );
    expect(affiliations.body.affiliations.find((a) => a.userId === person.user.id)).toMatchObject({
      status: 'pending',
      byEmailDomain: true,
      webmail: false,
    });
  });

  it('an admin who turned join-request emails off still gets the notification, but no email', async () => {
    const { admin, organisation } = await verifiedOrganisation();
    const off = await api(server.origin, 'PATCH', '/api/me/preferences', {
      cookie: admin.cookie,
      body: { joinRequestEmails: false },
    });
    expect(off.status).toBe(200);
    const person = await registerUser(server.origin, { email: `quiet.${unique()}@gmail.com` });
    const before = inbox.to(admin.user.email).length;
    const asked = await api(server.origin, 'POST', `/api/organisations/${organisation.id}/affiliations`, {
      cookie: person.cookie,
    });
    expect(asked.status).toBe(201);
    // The notification is made in the background after the response.
    let notifications: NotificationList['notifications'] = [];
    for (let tries = 0; tries < 50 && notifications.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      notifications = (
        await api<NotificationList>(server.origin, 'GET', '/api/notifications', { cookie: admin.cookie })
      ).body.notifications;
    }
    expect(notifications[0]).toMatchObject({ kind: 'join-request' });
    // The alert is sent in the background after the response: give it time to arrive if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.to(admin.user.email).length).toBe(before);
  });

  it('marks a free webmail address to the admins who confirm it', async () => {
    const { admin, organisation } = await verifiedOrganisation();
    const person = await registerUser(server.origin, {
      email: `sam.${unique()}@gmail.com`,
      displayName: 'Sam Webmail',
    });
    const asked = await api(server.origin, 'POST', `/api/organisations/${organisation.id}/affiliations`, {
      cookie: person.cookie,
    });
    expect(asked.status).toBe(201);
    const alert = await inbox.nextTo(admin.user.email);
    expect(alert.text).toContain('free webmail provider');
    const affiliations = await api<{ affiliations: Affiliation[] }>(
      server.origin,
      'GET',
      `/api/organisations/${organisation.id}/affiliations`,
      { cookie: admin.cookie },
    );
    expect(affiliations.body.affiliations.find((a) => a.userId === person.user.id)).toMatchObject({
      webmail: true,
      byEmailDomain: false,
    });
  });
});
