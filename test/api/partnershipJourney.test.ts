import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Journey, JourneyEvent, Milestone, Notification, Reflection } from '@common-ground/shared';
import {
  recordMeetingHeld,
  recordOpenDayAttended,
} from '../../server/src/commands/partnerships/journeyRecorder.ts';
import { JourneyEventModel } from '../../server/src/models/JourneyEvent.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

describe('a partnership’s journey and sponsors', () => {
  let server: TestServer;
  let world: PartnershipWorld;
  const call = as(() => server.origin);
  const journeyOf = async (who = world.sourcePerson) => {
    const result = await call<{ journey: Journey }>(who, 'GET', `/api/partnerships/${world.room.id}/journey`);
    expect(result.status).toBe(200);
    return result.body.journey;
  };

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await partnershipWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it('links one innovation, and the same source may link it to another partnership', async () => {
    expect(world.room.innovationId).toBe(world.innovation.id);
    expect(world.room.visibility).toBe('partners');
    const another = await call<{ room: { innovationId: string } }>(
      world.sourcePerson,
      'POST',
      `/api/communities/${world.communityId}/rooms`,
      {
        title: 'Northshire and Eastmoor',
        kind: 'partnership',
        sourceOrganisationId: world.source.id,
        recipientOrganisationIds: [world.secondRecipient.id],
        innovationId: world.innovation.id,
      },
    );
    expect(another.status).toBe(201);
    expect(another.body.room.innovationId).toBe(world.innovation.id);
    // Another source cannot spread this innovation.
    const mismatch = await call(
      world.recipientPerson,
      'POST',
      `/api/communities/${world.communityId}/rooms`,
      {
        title: 'Westborough leads',
        kind: 'partnership',
        sourceOrganisationId: world.recipient.id,
        recipientOrganisationIds: [world.secondRecipient.id],
        innovationId: world.innovation.id,
      },
    );
    expect(mismatch.status).toBe(400);
  });

  it('partners add and edit milestones; "decided not to adopt" is an ending', async () => {
    const added = await call<{ milestone: Milestone }>(
      world.recipientPerson,
      'POST',
      `/api/partnerships/${world.room.id}/milestones`,
      { kind: 'first-conversation', title: 'First call between leads', reachedAt: '2026-01-12' },
    );
    expect(added.status).toBe(201);
    const planned = await call<{ milestone: Milestone }>(
      world.sourcePerson,
      'POST',
      `/api/partnerships/${world.room.id}/milestones`,
      { kind: 'pilot-start', title: 'Pilot in two teams', plannedFor: '2026-06-01' },
    );
    const reached = await call<{ milestone: Milestone }>(
      world.sourcePerson,
      'PATCH',
      `/api/partnerships/${world.room.id}/milestones/${planned.body.milestone.id}`,
      { reachedAt: '2026-06-03', note: 'Started two days late' },
    );
    expect(reached.status).toBe(200);
    expect(reached.body.milestone).toMatchObject({ plannedFor: '2026-06-01', reachedAt: '2026-06-03' });
    const ending = await call<{ milestone: Milestone }>(
      world.secondRecipientPerson,
      'POST',
      `/api/partnerships/${world.room.id}/milestones`,
      { kind: 'decided-not-to-adopt', title: 'Eastmoor decided it is not for them' },
    );
    expect(ending.body.milestone.isEnding).toBe(true);
    const journey = await journeyOf(world.recipientPerson);
    expect(journey.milestones.map((m) => m.title)).toEqual([
      'First call between leads',
      'Pilot in two teams',
      'Eastmoor decided it is not for them',
    ]);
  });

  it('refuses milestones from the facilitator (not a partner) and anything from people outside a partners-only room', async () => {
    const body = { kind: 'custom', title: 'Not theirs' };
    expect(
      (await call(world.facilitator, 'POST', `/api/partnerships/${world.room.id}/milestones`, body)).status,
    ).toBe(403);
    expect(
      (await call(world.elsewhere, 'POST', `/api/partnerships/${world.room.id}/milestones`, body)).status,
    ).toBe(404);
    expect((await call(world.elsewhere, 'GET', `/api/partnerships/${world.room.id}/journey`)).status).toBe(
      404,
    );
    expect((await call(world.outsider, 'GET', `/api/partnerships/${world.room.id}/journey`)).status).toBe(
      404,
    );
    expect((await call(null, 'GET', `/api/partnerships/${world.room.id}/journey`)).status).toBe(401);
    expect((await journeyOf(world.facilitator)).milestones).toHaveLength(3);
    const bad = await call(world.sourcePerson, 'POST', `/api/partnerships/${world.room.id}/milestones`, {
      kind: 'triumph',
      title: 'x',
    });
    expect(bad.status).toBe(400);
    expect((await journeyOf()).milestones).toHaveLength(3);
  });

  it('logs a call in one request and shows it on the journey', async () => {
    const logged = await call<{ event: JourneyEvent }>(
      world.recipientPerson,
      'POST',
      `/api/partnerships/${world.room.id}/contacts`,
      { kind: 'call' },
    );
    expect(logged.status).toBe(201);
    expect(logged.body.event).toMatchObject({
      kind: 'contact',
      title: 'Call logged',
      organisationName: world.recipient.name,
    });
    expect((await journeyOf()).events.map((event) => event.title)).toContain('Call logged');
  });

  it('adds meetings held through the journey hook, once per meeting', async () => {
    const at = new Date('2026-02-02T10:00:00Z');
    const input = {
      roomId: world.room.id,
      meetingId: 'm-1',
      title: 'Quarterly review',
      at,
      organisationIds: [world.source.id, world.recipient.id],
    };
    await Promise.all([recordMeetingHeld(input), recordMeetingHeld(input)]);
    expect(await JourneyEventModel.countDocuments({ roomId: world.room.id, kind: 'meeting-held' })).toBe(1);
    expect((await journeyOf()).events.find((event) => event.kind === 'meeting-held')?.title).toBe(
      'Meeting held: Quarterly review',
    );
  });

  it('adds an open day attended only with the visitor’s consent, once', async () => {
    const attended = {
      roomId: world.room.id,
      openDayId: 'open-day-1',
      openDayTitle: 'Drop-in open day',
      organisationId: world.recipient.id,
      at: new Date('2026-02-10T10:00:00Z'),
    };
    expect(await recordOpenDayAttended({ ...attended, consented: false })).toBeNull();
    expect(await JourneyEventModel.countDocuments({ roomId: world.room.id, kind: 'open-day-attended' })).toBe(
      0,
    );
    await recordOpenDayAttended({ ...attended, consented: true });
    await recordOpenDayAttended({ ...attended, consented: true });
    const events = (await journeyOf()).events.filter((event) => event.kind === 'open-day-attended');
    expect(events.map((event) => [event.title, event.organisationName])).toEqual([
      ['Open day attended: Drop-in open day', world.recipient.name],
    ]);
  });

  it('adds named document versions and reflections by themselves', async () => {
    // Naming versions is the facilitators' (document.version); it goes on the journey whoever names it.
    const named = await call(world.facilitator, 'POST', `/api/documents/${world.room.documentId}/versions`, {
      name: 'Agreed plan v1',
    });
    expect(named.status).toBe(201);
    const reflection = await call<{ reflection: Reflection }>(
      world.recipientPerson,
      'POST',
      `/api/partnerships/${world.room.id}/reflections`,
      {
        hoped: 'a',
        happened: 'b',
        madeSense: 'c',
        learned: 'd',
        doDifferently: 'e',
        anonymity: 'anonymous',
      },
    );
    expect(reflection.status).toBe(201);
    const titles = (await journeyOf()).events.map((event) => [event.title, event.organisationName]);
    expect(titles).toContainEqual(['Document version named: Agreed plan v1', null]);
    // An anonymous reflection does not give its organisation away on the journey either.
    expect(titles).toContainEqual(['A reflection was written', null]);
  });

  it('names sponsors on both sides; a change goes on the journey and asks both sides to re-contract', async () => {
    const path = (organisationId: string) => `/api/partnerships/${world.room.id}/sponsors/${organisationId}`;
    const first = await call<{ journey: Journey }>(world.sourcePerson, 'PUT', path(world.source.id), {
      name: 'Dana Director',
      jobTitle: 'Director of Children’s Services',
    });
    expect(first.status).toBe(200);
    expect(first.body.journey.recontract).toBeNull();
    expect(
      (
        await call(world.recipientPerson, 'PUT', path(world.recipient.id), {
          name: 'Alex Assistant',
          jobTitle: 'AD',
        })
      ).status,
    ).toBe(200);
    // Nobody names another organisation's sponsor.
    expect(
      (await call(world.recipientPerson, 'PUT', path(world.source.id), { name: 'X', jobTitle: 'Y' })).status,
    ).toBe(403);

    const changed = await call<{ journey: Journey }>(world.sourcePerson, 'PUT', path(world.source.id), {
      name: 'Morgan New',
      jobTitle: 'Interim Director',
    });
    expect(changed.body.journey.sponsors.map((s) => [s.side, s.name])).toEqual([
      ['source', 'Morgan New'],
      ['recipient', 'Alex Assistant'],
      ['recipient', null],
    ]);
    expect(changed.body.journey.recontract?.reason).toContain('Morgan New');
    expect(changed.body.journey.events.some((event) => event.kind === 'sponsor-changed')).toBe(true);
    for (const who of [world.sourcePerson, world.recipientPerson, world.secondRecipientPerson]) {
      const notes = await call<{ notifications: Notification[] }>(who, 'GET', '/api/notifications');
      expect(notes.body.notifications.map((n) => n.kind)).toContain('partnership-recontract');
    }
    const elsewhereNotes = await call<{ notifications: Notification[] }>(
      world.elsewhere,
      'GET',
      '/api/notifications',
    );
    expect(elsewhereNotes.body.notifications).toHaveLength(0);

    const done = await call<{ journey: Journey }>(
      world.recipientPerson,
      'POST',
      `/api/partnerships/${world.room.id}/recontract`,
      {},
    );
    expect(done.body.journey.recontract).toBeNull();
  });
});
