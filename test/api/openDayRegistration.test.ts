import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostRegistration, PublicOpenDay } from '@common-ground/shared';
import { setOrganisationVerified } from '../../server/src/commands/organisations/organisationVerifier.ts';
import { createOrganisation, registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import {
  buildRegistration,
  openPass,
  register,
  scheduleOpenDay,
  startOpenDayWorld,
  tokenIn,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';

describe('open-day registration by work email', () => {
  let world: OpenDayWorld;
  beforeAll(async () => {
    world = await startOpenDayWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const publicDetails = async (slug: string) => {
    const result = await api<{ openDay: PublicOpenDay }>(
      world.server.origin,
      'GET',
      `/api/open-days/${slug}`,
    );
    expect(result.status).toBe(200);
    return result.body.openDay;
  };
  const registrations = async (openDayId: string) => {
    const result = await api<{ registrations: HostRegistration[] }>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDayId}/registrations`,
      { cookie: world.host.cookie },
    );
    expect(result.status).toBe(200);
    return result.body.registrations;
  };

  it('gives exactly 20 places to 50 simultaneous registrations, and the rest a waiting list', async () => {
    const openDay = await scheduleOpenDay(world, { capacity: 20 });
    expect(openDay.registrationUrl).toBe(`${world.server.origin}/open-days/${openDay.slug}`);
    const people = Array.from({ length: 50 }, () => buildRegistration());
    await Promise.all(people.map((person) => register(world, openDay.slug, person)));
    const mails = await Promise.all(people.map((person) => world.inbox.nextTo(person.email, 30_000)));
    const confirmed = mails.filter((mail) => mail.subject === 'Your place at Pause open day');
    const waiting = mails.filter((mail) => mail.subject === 'You are on the waiting list for Pause open day');
    expect(confirmed).toHaveLength(20);
    expect(waiting).toHaveLength(30);
    const listed = await registrations(openDay.id);
    expect(listed.filter((entry) => entry.status === 'confirmed')).toHaveLength(20);
    expect((await publicDetails(openDay.slug)).placesLeft).toBe(0);

    // One confirmed visitor gives up their place from the email: the oldest on the waiting list gets it by email.
    const leaver = confirmed[0]!;
    const cancelled = await api(world.server.origin, 'POST', '/api/open-day-registrations/cancellation', {
      body: { token: tokenIn(leaver, '/open-day-cancel') },
    });
    expect(cancelled.status).toBe(200);
    const firstWaiting = listed
      .filter((entry) => entry.status === 'waiting')
      .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))[0]!;
    const promoted = await world.inbox.nextTo(firstWaiting.email);
    expect(promoted.subject).toBe('A place has come up: Pause open day');
    expect(tokenIn(promoted, '/open-day-pass')).toBeTruthy();
    const after = await registrations(openDay.id);
    expect(after.filter((entry) => entry.status === 'confirmed')).toHaveLength(20);
    expect(after.find((entry) => entry.email === firstWaiting.email)?.status).toBe('confirmed');
    expect(after.find((entry) => entry.email === leaver.to[0])?.status).toBe('cancelled');
    // The cancelled link's pass no longer opens.
    const reopened = await api(world.server.origin, 'POST', '/api/open-day-passes/session', {
      body: { token: tokenIn(leaver, '/open-day-pass') },
    });
    expect(reopened.status).toBe(410);
  });

  it('answers every registration the same, and sends the pass only by email', async () => {
    const openDay = await scheduleOpenDay(world, { capacity: 1 });
    const first = buildRegistration();
    const second = buildRegistration();
    // Each registration is processed after its reply, so the first one's email is awaited before the next: the
    // one place must be the first person's.
    const answers = [await register(world, openDay.slug, first)];
    const one = await world.inbox.nextTo(first.email);
    answers.push(
      await register(world, openDay.slug, second),
      await register(world, openDay.slug, { ...first, displayName: 'Someone Else' }),
    );
    for (const answer of answers) {
      expect(JSON.stringify(answer.body)).not.toMatch(/token|open-day-pass/);
      expect(answer.cookie).toBeNull();
    }
    // The same address twice: the same place, a fresh email with a new link, and the first link stops working.
    const again = await world.inbox.nextTo(first.email);
    expect(one.subject).toBe('Your place at Pause open day');
    expect(again.subject).toBe('Your place at Pause open day');
    expect(tokenIn(again, '/open-day-pass')).not.toBe(tokenIn(one, '/open-day-pass'));
    expect(
      (
        await api(world.server.origin, 'POST', '/api/open-day-passes/session', {
          body: { token: tokenIn(one, '/open-day-pass') },
        })
      ).status,
    ).toBe(404);
    const { pass } = await openPass(world, tokenIn(again, '/open-day-pass'));
    // Registering again does not overwrite the details: knowing an address changes nothing for its owner.
    expect(pass.visitor.displayName).toBe(first.displayName);
    expect(pass.status).toBe('confirmed');
    expect((await world.inbox.nextTo(second.email)).subject).toBe(
      'You are on the waiting list for Pause open day',
    );
    const listed = await registrations(openDay.id);
    expect(listed).toHaveLength(2);
  });

  it('marks a picked organisation verified and a typed one unverified', async () => {
    const organisation = await createOrganisation(world.server.origin, world.host, {
      name: 'Birmingham City Council',
    });
    await setOrganisationVerified(organisation.id, true, world.host.user.id);
    const other = await registerUser(world.server.origin);
    const selfMade = await createOrganisation(world.server.origin, other, { name: 'Brand New Council' });
    const openDay = await scheduleOpenDay(world);
    const listed = await api<{ organisations: { id: string; name: string }[] }>(
      world.server.origin,
      'GET',
      `/api/open-days/${openDay.slug}/organisations`,
    );
    expect(listed.body.organisations.map((entry) => entry.name)).toContain('Birmingham City Council');
    // Anyone can make an organisation: one nobody has verified is not offered, and cannot be picked.
    expect(listed.body.organisations.map((entry) => entry.name)).not.toContain('Brand New Council');
    const unverifiedPick = await api(
      world.server.origin,
      'POST',
      `/api/open-days/${openDay.slug}/registrations`,
      {
        body: buildRegistration({ organisationName: undefined, organisationId: selfMade.id }),
      },
    );
    expect(unverifiedPick.status).toBe(400);
    const picked = buildRegistration({ organisationName: undefined, organisationId: organisation.id });
    const typed = buildRegistration({ organisationName: 'Birmingham Council (typed)' });
    await register(world, openDay.slug, picked);
    await register(world, openDay.slug, typed);
    await world.inbox.nextTo(picked.email);
    await world.inbox.nextTo(typed.email);
    const entries = await registrations(openDay.id);
    expect(entries.find((entry) => entry.email === picked.email)?.organisation).toEqual({
      id: organisation.id,
      name: 'Birmingham City Council',
      verified: true,
    });
    expect(entries.find((entry) => entry.email === typed.email)?.organisation).toEqual({
      id: null,
      name: 'Birmingham Council (typed)',
      verified: false,
    });
  });

  it('attaches an .ics invitation to the confirmation', async () => {
    const openDay = await scheduleOpenDay(world, { title: 'Pause, Birmingham; spring' });
    const person = buildRegistration();
    await register(world, openDay.slug, person);
    const mail = await world.inbox.nextTo(person.email);
    const ics = mail.parsed.attachments.find((attachment) =>
      attachment.contentType.startsWith('text/calendar'),
    );
    expect(ics?.filename).toBe('open-day.ics');
    const text = ics!.content.toString('utf8');
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(text).toContain('BEGIN:VCALENDAR\r\n');
    expect(text).toContain('METHOD:PUBLISH\r\n');
    expect(text).toContain(`UID:open-day-${openDay.id}@common-ground\r\n`);
    expect(text).toContain(`DTSTART:${stamp(openDay.times.startsAt)}\r\n`);
    expect(text).toContain(`DTEND:${stamp(openDay.times.endsAt)}\r\n`);
    // The host's name follows the title; the host may have an organisation by now, so only the escaping is pinned.
    expect(text).toMatch(/\r\nSUMMARY:Pause\\, Birmingham\\; spring \(.+\)\r\n/);
    expect(text).toContain('LOCATION:The Children’s Society\\, Birmingham\r\n');
    expect(text).toContain(`URL:${world.server.origin}/open-days/${openDay.slug}\r\n`);
    expect(text).not.toContain(person.email);
  });

  it('emails everyone registered when the host changes or cancels the day', async () => {
    const openDay = await scheduleOpenDay(world, { capacity: 1 });
    const holder = buildRegistration();
    const waiter = buildRegistration();
    await register(world, openDay.slug, holder);
    await world.inbox.nextTo(holder.email);
    await register(world, openDay.slug, waiter);
    await world.inbox.nextTo(waiter.email);
    const changed = await api(world.server.origin, 'PATCH', `/api/hosted-open-days/${openDay.id}`, {
      cookie: world.host.cookie,
      body: { venue: 'Room 2, Carrs Lane' },
    });
    expect(changed.status).toBe(200);
    const holderMail = await world.inbox.nextTo(holder.email);
    expect(holderMail.subject).toBe('Pause open day has changed');
    expect(holderMail.text).toContain('Where: Room 2, Carrs Lane');
    expect(holderMail.parsed.attachments).toHaveLength(1);
    expect((await world.inbox.nextTo(waiter.email)).subject).toBe('Pause open day has changed');
    const cancelled = await api(
      world.server.origin,
      'POST',
      `/api/hosted-open-days/${openDay.id}/cancellation`,
      {
        cookie: world.host.cookie,
        body: { reason: 'The venue flooded.' },
      },
    );
    expect(cancelled.status).toBe(200);
    expect((await world.inbox.nextTo(holder.email)).text).toContain('They said: The venue flooded.');
    expect((await world.inbox.nextTo(waiter.email)).subject).toBe('Pause open day is cancelled');
    expect((await publicDetails(openDay.slug)).phase).toBe('cancelled');
  });

  it('lets only those with openday.host schedule', async () => {
    const stranger = await api(
      world.server.origin,
      'POST',
      `/api/communities/${world.communityId}/open-days`,
      {
        body: {},
      },
    );
    expect(stranger.status).toBe(401);
  });
});
