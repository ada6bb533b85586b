import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engagement, Notification } from '@common-ground/shared';
import { tendQuietPartnerships } from '../../server/src/jobs/quietPartnerships.ts';
import { MessageModel } from '../../server/src/models/Message.ts';
import { PartnershipActivityModel } from '../../server/src/models/PartnershipActivity.ts';
import type { SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

const NOW = new Date('2026-03-15T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('engagement, tended privately', () => {
  let server: TestServer;
  let world: PartnershipWorld;
  const call = as(() => server.origin);
  let seq = 0;
  const setClock = (now: Date) => {
    server.server.context.services.clock.now = () => now;
  };
  const message = (
    who: SignedIn,
    organisationId: string,
    createdAt: string,
    fields: { question?: boolean; threadId?: unknown } = {},
  ) =>
    MessageModel.create({
      roomId: world.room.id,
      seq: ++seq,
      authorId: who.user.id,
      authorName: who.user.displayName,
      authorOrganisationId: organisationId,
      clientMessageId: randomUUID(),
      body: 'Seeded',
      createdAt: at(createdAt),
      ...fields,
    });
  const notificationsOf = async (who: SignedIn) =>
    (await call<{ notifications: Notification[] }>(who, 'GET', '/api/notifications')).body.notifications;
  const kindsOf = async (who: SignedIn) => (await notificationsOf(who)).map((n) => n.kind);

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await partnershipWorld(server.origin);
    const { source, recipient, secondRecipient, sourcePerson, recipientPerson, facilitator } = world;
    await message(sourcePerson, source.id, '2026-03-01T12:00:00Z');
    const answered = await message(recipientPerson, recipient.id, '2026-02-20T13:00:00Z', { question: true });
    await message(sourcePerson, source.id, '2026-02-20T17:00:00Z', { threadId: answered._id });
    const overdue = await message(recipientPerson, recipient.id, '2026-03-05T10:00:00Z', { question: true });
    // The asker adding to their own question is not an answer.
    await message(recipientPerson, recipient.id, '2026-03-06T09:00:00Z', { threadId: overdue._id });
    await message(recipientPerson, recipient.id, '2026-03-10T10:00:00Z', { question: true });
    // A facilitator's organisation is on neither side: not counted.
    await message(facilitator, '0123456789abcdef01234567', '2026-03-14T09:00:00Z');
    await PartnershipActivityModel.create([
      {
        roomId: world.room.id,
        organisationId: secondRecipient.id,
        kind: 'contact',
        at: at('2026-01-10T09:00:00Z'),
        twoWay: true,
      },
      { roomId: world.room.id, organisationId: source.id, kind: 'milestone', at: at('2025-03-31T23:00:00Z') },
    ]);
    setClock(NOW);
  });
  afterAll(async () => server?.stop());

  it('computes each figure exactly from stored activity at the injected time', async () => {
    const result = await call<{ engagement: Engagement }>(
      world.sourcePerson,
      'GET',
      `/api/partnerships/${world.room.id}/engagement`,
    );
    expect(result.status).toBe(200);
    const engagement = result.body.engagement;
    expect(engagement.lastTwoWayContactAt).toBe('2026-03-01T12:00:00.000Z');
    expect(engagement.daysSinceTwoWayContact).toBe(14);
    expect(engagement.medianHoursToFirstAnswer).toBe(4);
    expect(engagement.questionsUnansweredOver7Days).toBe(1);
    expect(engagement.quietAfterDays).toBe(30);
    expect(engagement.months).toHaveLength(12);
    expect(engagement.months[0]!.month).toBe('2025-04');
    const countsIn = (month: string) =>
      engagement.months.find((m) => m.month === month)!.counts.map((c) => [c.organisationName, c.count]);
    expect(countsIn('2026-03')).toEqual([
      [world.source.name, 1],
      [world.recipient.name, 3],
      [world.secondRecipient.name, 0],
    ]);
    expect(countsIn('2026-02')).toEqual([
      [world.source.name, 1],
      [world.recipient.name, 1],
      [world.secondRecipient.name, 0],
    ]);
    expect(countsIn('2026-01')).toEqual([
      [world.source.name, 0],
      [world.recipient.name, 0],
      [world.secondRecipient.name, 1],
    ]);
  });

  it('a logged contact counts as two-way contact', async () => {
    setClock(at('2026-03-16T08:00:00Z'));
    await call(world.secondRecipientPerson, 'POST', `/api/partnerships/${world.room.id}/contacts`, {
      kind: 'visit',
    });
    const { engagement } = (
      await call<{ engagement: Engagement }>(
        world.facilitator,
        'GET',
        `/api/partnerships/${world.room.id}/engagement`,
      )
    ).body;
    expect(engagement.lastTwoWayContactAt).toBe('2026-03-16T08:00:00.000Z');
    expect(engagement.daysSinceTwoWayContact).toBe(0);
  });

  it('is shown only to the partnership’s people and the facilitators', async () => {
    const path = `/api/partnerships/${world.room.id}/engagement`;
    expect((await call(world.recipientPerson, 'GET', path)).status).toBe(200);
    expect((await call(world.facilitator, 'GET', path)).status).toBe(200);
    expect((await call(world.elsewhere, 'GET', path)).status).toBe(404);
    expect((await call(world.outsider, 'GET', path)).status).toBe(404);
    // Even in a partnership the whole community may see, its health stays with its people.
    const opened = await call(world.sourcePerson, 'PATCH', `/api/partnerships/${world.room.id}`, {
      visibility: 'community',
    });
    expect(opened.status).toBe(200);
    expect((await call(world.elsewhere, 'GET', `/api/rooms/${world.room.id}`)).status).toBe(200);
    expect((await call(world.elsewhere, 'GET', path)).status).toBe(403);
    await call(world.sourcePerson, 'PATCH', `/api/partnerships/${world.room.id}`, { visibility: 'partners' });
    expect((await call(world.elsewhere, 'GET', `/api/rooms/${world.room.id}`)).status).toBe(404);
  });

  it('asks both sides for a check-in once per quiet spell, and tells facilitators only if the quiet continues', async () => {
    const partners = [world.sourcePerson, world.recipientPerson, world.secondRecipientPerson];
    // Last two-way contact: the visit on 16 March. 29 days later, nothing.
    expect((await tendQuietPartnerships(at('2026-04-14T08:00:00Z'), 30)).checkInsAsked).toEqual([]);
    // 30 days: several instances at once ask once.
    const passes = await Promise.all(
      [1, 2, 3].map(() => tendQuietPartnerships(at('2026-04-15T08:00:00Z'), 30)),
    );
    expect(passes.flatMap((pass) => pass.checkInsAsked)).toEqual([world.room.id]);
    await tendQuietPartnerships(at('2026-04-20T08:00:00Z'), 30);
    for (const who of partners) expect(await kindsOf(who)).toEqual(['partnership-check-in']);
    expect(await kindsOf(world.facilitator)).toEqual([]);
    expect(await kindsOf(world.elsewhere)).toEqual([]);
    // Still quiet 29 days after the check-in: facilitators not yet told.
    expect((await tendQuietPartnerships(at('2026-05-14T08:00:00Z'), 30)).facilitatorsTold).toEqual([]);
    const told = await Promise.all([1, 2].map(() => tendQuietPartnerships(at('2026-05-15T09:00:00Z'), 30)));
    expect(told.flatMap((pass) => pass.facilitatorsTold)).toEqual([world.room.id]);
    await tendQuietPartnerships(at('2026-06-30T09:00:00Z'), 30);
    expect(await kindsOf(world.facilitator)).toEqual(['partnership-still-quiet']);
    for (const who of partners) expect(await kindsOf(who)).toEqual(['partnership-check-in']);
    // Contact again starts a new spell, which prompts again in its turn.
    setClock(at('2026-07-01T10:00:00Z'));
    await call(world.recipientPerson, 'POST', `/api/partnerships/${world.room.id}/contacts`, {
      kind: 'call',
    });
    expect((await tendQuietPartnerships(at('2026-07-20T10:00:00Z'), 30)).checkInsAsked).toEqual([]);
    expect((await tendQuietPartnerships(at('2026-07-31T10:00:00Z'), 30)).checkInsAsked).toEqual([
      world.room.id,
    ]);
    expect(await kindsOf(world.sourcePerson)).toEqual(['partnership-check-in', 'partnership-check-in']);
  });
});
