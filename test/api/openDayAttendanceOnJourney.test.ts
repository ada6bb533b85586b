import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostRegistration, HostedOpenDay, Journey } from '@common-ground/shared';
import { setOrganisationVerified } from '../../server/src/commands/organisations/organisationVerifier.ts';
import { OpenDayAttendanceModel } from '../../server/src/models/OpenDayAttendance.ts';
import { api } from '../support/http.ts';
import { buildRegistration, moveOpenDayTo, tokenIn } from '../support/openDayWorld.ts';
import { startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

// An open day of an innovation feeds the journey of that innovation's partnerships, but only with the visitor's
// consent, only for attendance presence recorded, and naming the organisation, never the person.
describe('open-day attendance on a partnership’s journey', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let world: PartnershipWorld;
  let openDay: HostedOpenDay;
  const call = as(() => server.origin);

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    server = await startTestServer({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'no-reply@cop.example.gov.uk',
      DISABLE_RATE_LIMITS: 'true',
    });
    world = await partnershipWorld(server.origin);
    await setOrganisationVerified(world.recipient.id, true, world.facilitator.user.id);
    const startsAt = new Date(Date.now() + 2 * 24 * 3600_000);
    const scheduled = await call<{ openDay: HostedOpenDay }>(
      world.facilitator,
      'POST',
      `/api/communities/${world.communityId}/open-days`,
      {
        title: 'Pause open day',
        description: 'See how Pause works.',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 5 * 3600_000).toISOString(),
        capacity: 20,
        safeguardingLead: { name: 'Sam Lead', email: 'sam.lead@example.org' },
        innovationId: world.innovation.id,
      },
    );
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
    openDay = scheduled.body.openDay;
  });
  afterAll(async () => {
    await server?.stop();
    await inbox?.stop();
  });

  /** Registers a visitor from the recipient organisation and opens their pass; returns the pass cookie. */
  async function visitor(): Promise<{ cookie: string; email: string }> {
    const body = buildRegistration({ organisationName: undefined, organisationId: world.recipient.id });
    const registered = await api(server.origin, 'POST', `/api/open-days/${openDay.slug}/registrations`, {
      body,
    });
    expect(registered.status).toBe(202);
    const token = tokenIn(await inbox.nextTo(body.email), '/open-day-pass');
    const opened = await api(server.origin, 'POST', '/api/open-day-passes/session', { body: { token } });
    expect(opened.status).toBe(200);
    return { cookie: opened.cookie!, email: body.email };
  }

  async function attended(email: string): Promise<void> {
    const listed = await call<{ registrations: HostRegistration[] }>(
      world.facilitator,
      'GET',
      `/api/hosted-open-days/${openDay.id}/registrations`,
    );
    const registration = listed.body.registrations.find((entry) => entry.email === email)!;
    // What presence records when the visitor joins the live room (tested with real sockets in openDayPresence).
    await OpenDayAttendanceModel.create({
      openDayId: openDay.id,
      registrationId: registration.id,
      firstSeenAt: new Date(),
    });
  }

  const feedback = (consent: boolean) => ({
    usefulness: 4,
    nextStep: 'Brief our leadership team',
    whoElse: 'Commissioners',
    whatWouldStop: 'Funding',
    wouldLikeToTalk: true,
    attendanceOnJourney: consent,
  });

  const openDayEvents = async () => {
    const journey = await call<{ journey: Journey }>(
      world.recipientPerson,
      'GET',
      `/api/partnerships/${world.room.id}/journey`,
    );
    expect(journey.status).toBe(200);
    return journey.body.journey.events.filter((event) => event.kind === 'open-day-attended');
  };

  it('records nothing without consent, or for a visitor who never joined', async () => {
    const declined = await visitor();
    const absent = await visitor();
    await attended(declined.email);
    await moveOpenDayTo(openDay.id, 'after');
    const put = (cookie: string, consent: boolean) =>
      api(server.origin, 'PUT', '/api/open-day-pass/feedback', { cookie, body: feedback(consent) });
    expect((await put(declined.cookie, false)).status).toBe(200);
    expect((await put(absent.cookie, true)).status).toBe(200);
    expect(await openDayEvents()).toEqual([]);
    await moveOpenDayTo(openDay.id, 'before');
  });

  it('puts consented attendance on the journey once, naming the organisation', async () => {
    const consenting = await visitor();
    await attended(consenting.email);
    await moveOpenDayTo(openDay.id, 'after');
    for (let time = 0; time < 2; time++) {
      const put = await api(server.origin, 'PUT', '/api/open-day-pass/feedback', {
        cookie: consenting.cookie,
        body: feedback(true),
      });
      expect(put.status).toBe(200);
    }
    const events = await openDayEvents();
    expect(events).toHaveLength(1);
    expect(events[0]!.title).toBe('Open day attended: Pause open day');
    expect(JSON.stringify(events[0])).not.toContain(consenting.email);
  });
});
