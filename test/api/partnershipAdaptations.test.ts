import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptationEntry, AdaptationLog } from '@common-ground/shared';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

describe('the adaptation log', () => {
  let server: TestServer;
  let world: PartnershipWorld;
  const call = as(() => server.origin);
  const path = () => `/api/partnerships/${world.room.id}/adaptations`;
  const coreId = () => world.innovation.coreFunctions[0]!.id;
  const featureId = () => world.innovation.adaptableFeatures[0]!.id;
  const entryOf = (log: AdaptationLog, recipientId: string, itemId: string): AdaptationEntry =>
    log.entries.find((entry) => entry.recipientOrganisationId === recipientId && entry.itemId === itemId)!;
  const put = (who: PartnershipWorld['sourcePerson'], entries: object[]) =>
    call<{ adaptations: AdaptationLog }>(who, 'PUT', path(), { entries });

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await partnershipWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it('lists every recipient against every core function and adaptable feature', async () => {
    const result = await call<{ adaptations: AdaptationLog }>(world.sourcePerson, 'GET', path());
    expect(result.status).toBe(200);
    expect(result.body.adaptations.innovation?.id).toBe(world.innovation.id);
    expect(
      result.body.adaptations.entries.map((e) => [e.recipientOrganisationName, e.itemKind, e.choice]),
    ).toEqual([
      [world.recipient.name, 'core-function', null],
      [world.recipient.name, 'adaptable-feature', null],
      [world.secondRecipient.name, 'core-function', null],
      [world.secondRecipient.name, 'adaptable-feature', null],
    ]);
    expect(result.body.adaptations.abilities).toMatchObject({ reply: true, adaptFor: [] });
  });

  it('a recipient records an adaptation of a core function with what families said; both sides see "core function changed"', async () => {
    const recorded = await put(world.recipientPerson, [
      {
        recipientOrganisationId: world.recipient.id,
        itemId: coreId(),
        choice: 'adapting',
        whatChanged: 'Same-day help by phone as well as in person',
        why: 'A rural county: the bus takes two hours',
        localContext: 'Three market towns, no city centre',
        familiesSaid: 'Parents said a call the same day mattered more than a place',
        stillAchieves: 'yes',
      },
    ]);
    expect(recorded.status).toBe(200);
    for (const who of [world.recipientPerson, world.sourcePerson]) {
      const log = (await call<{ adaptations: AdaptationLog }>(who, 'GET', path())).body.adaptations;
      expect(entryOf(log, world.recipient.id, coreId())).toMatchObject({
        choice: 'adapting',
        familiesSaid: 'Parents said a call the same day mattered more than a place',
        stillAchieves: 'yes',
        coreFunctionChanged: true,
        settled: null,
      });
    }
  });

  it('keeps each side to its own part, and a refused request changes nothing', async () => {
    const before = (await call<{ adaptations: AdaptationLog }>(world.sourcePerson, 'GET', path())).body
      .adaptations;
    const refusals: [PartnershipWorld['sourcePerson'], object][] = [
      [
        world.sourcePerson,
        { recipientOrganisationId: world.recipient.id, itemId: coreId(), choice: 'not-adopting' },
      ],
      [
        world.recipientPerson,
        { recipientOrganisationId: world.recipient.id, itemId: coreId(), sourceReply: 'Fine by us' },
      ],
      [
        world.secondRecipientPerson,
        { recipientOrganisationId: world.recipient.id, itemId: coreId(), familiesSaid: 'x' },
      ],
      [
        world.facilitator,
        { recipientOrganisationId: world.recipient.id, itemId: coreId(), settlement: 'agreed' },
      ],
    ];
    for (const [who, change] of refusals) expect((await put(who, [change])).status).toBe(403);
    // One allowed change beside a refused one: neither is written.
    const mixed = await put(world.recipientPerson, [
      { recipientOrganisationId: world.recipient.id, itemId: featureId(), choice: 'adapting' },
      { recipientOrganisationId: world.secondRecipient.id, itemId: featureId(), choice: 'adapting' },
    ]);
    expect(mixed.status).toBe(403);
    expect(
      (
        await put(world.recipientPerson, [
          { recipientOrganisationId: world.recipient.id, itemId: 'nope', choice: 'adapting' },
        ])
      ).status,
    ).toBe(400);
    expect(
      (
        await put(world.recipientPerson, [
          { recipientOrganisationId: world.recipient.id, itemId: featureId(), stillAchieves: 'yes' },
        ])
      ).status,
    ).toBe(400);
    expect(
      (await put(world.elsewhere, [{ recipientOrganisationId: world.recipient.id, itemId: coreId() }]))
        .status,
    ).toBe(404);
    const after = (await call<{ adaptations: AdaptationLog }>(world.sourcePerson, 'GET', path())).body
      .adaptations;
    expect(after.entries).toEqual(before.entries);
  });

  it('the source replies and the two sides settle it once both say the same', async () => {
    const replied = await put(world.sourcePerson, [
      {
        recipientOrganisationId: world.recipient.id,
        itemId: coreId(),
        sourceReply: 'Phone help the same day still achieves it; let us review in six months',
        settlement: 'agreed',
      },
    ]);
    const afterSource = entryOf(replied.body.adaptations, world.recipient.id, coreId());
    expect(afterSource).toMatchObject({
      sourceSettlement: 'agreed',
      recipientSettlement: null,
      settled: null,
    });
    const differ = await put(world.recipientPerson, [
      { recipientOrganisationId: world.recipient.id, itemId: coreId(), settlement: 'under-discussion' },
    ]);
    expect(entryOf(differ.body.adaptations, world.recipient.id, coreId()).settled).toBeNull();
    const agreed = await put(world.recipientPerson, [
      { recipientOrganisationId: world.recipient.id, itemId: coreId(), settlement: 'agreed' },
    ]);
    expect(entryOf(agreed.body.adaptations, world.recipient.id, coreId())).toMatchObject({
      sourceReply: 'Phone help the same day still achieves it; let us review in six months',
      settled: 'agreed',
      coreFunctionChanged: true,
    });
  });

  it('is partners-only by default: a member from elsewhere cannot read it, a facilitator can', async () => {
    expect((await call(world.elsewhere, 'GET', path())).status).toBe(404);
    expect((await call(world.outsider, 'GET', path())).status).toBe(404);
    expect((await call(world.facilitator, 'GET', path())).status).toBe(200);
  });
});
