import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reflection } from '@common-ground/shared';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { as, partnershipWorld, type PartnershipWorld } from './partnershipWorld.ts';

const answers = {
  hoped: 'We hoped the drop-in would reach boys aged 14 to 16.',
  happened: 'Few came in the first three months.',
  madeSense: 'Opening after school seemed right.',
  learned: 'They wanted to come with a friend, not alone.',
  doDifferently: 'Invite pairs, and ask them first.',
};

describe('safe reflections', () => {
  let server: TestServer;
  let world: PartnershipWorld;
  const call = as(() => server.origin);
  const listPath = () => `/api/partnerships/${world.room.id}/reflections`;
  const list = async (who: PartnershipWorld['sourcePerson']) =>
    (await call<{ reflections: Reflection[] }>(who, 'GET', listPath())).body.reflections;

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    world = await partnershipWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it('hides the author as chosen from partners, never from facilitators', async () => {
    const created = await call<{ reflection: Reflection }>(world.recipientPerson, 'POST', listPath(), {
      ...answers,
      tags: ['for'],
      anonymity: 'anonymous',
    });
    expect(created.status).toBe(201);
    expect(created.body.reflection).toMatchObject({ sharedWithCommunity: false, tags: ['for'] });
    const bySource = (await list(world.sourcePerson))[0]!;
    expect(bySource.author).toEqual({ displayName: null, organisationName: null });
    expect(bySource.abilities).toEqual({ withdraw: false, share: false });
    const byFacilitator = (await list(world.facilitator))[0]!;
    expect(byFacilitator.author).toEqual({
      displayName: 'Rita Recipient',
      organisationName: world.recipient.name,
    });
    const organisationOnly = await call<{ reflection: Reflection }>(world.sourcePerson, 'POST', listPath(), {
      ...answers,
      anonymity: 'organisation',
    });
    const seen = (await list(world.recipientPerson)).find(
      (r) => r.id === organisationOnly.body.reflection.id,
    )!;
    expect(seen.author).toEqual({ displayName: null, organisationName: world.source.name });
  });

  it('is partners-only: nobody else reads the partnership’s reflections', async () => {
    expect((await call(world.elsewhere, 'GET', listPath())).status).toBe(404);
    expect((await call(world.elsewhere, 'POST', listPath(), { ...answers, anonymity: 'named' })).status).toBe(
      404,
    );
    expect(
      (await call(world.facilitator, 'POST', listPath(), { ...answers, anonymity: 'named' })).status,
    ).toBe(403);
  });

  it('warns before sharing with the community and shares once the author has seen the warnings', async () => {
    const risky = {
      ...answers,
      happened: `At ${world.recipient.name} a parent made a complaint.`,
      anonymity: 'organisation',
    };
    const refused = await call<{ error: { code: string; details: { fields: Record<string, string> } } }>(
      world.recipientPerson,
      'POST',
      listPath(),
      { ...risky, shareWithCommunity: true },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields.acknowledgedWarnings).toContain('complaint');
    const shared = await call<{ reflection: Reflection }>(world.recipientPerson, 'POST', listPath(), {
      ...risky,
      shareWithCommunity: true,
      acknowledgedWarnings: true,
    });
    expect(shared.status).toBe(201);
    const community = await call<{ reflections: Reflection[] }>(
      world.elsewhere,
      'GET',
      `/api/communities/${world.communityId}/reflections`,
    );
    expect(community.body.reflections.map((r) => r.id)).toEqual([shared.body.reflection.id]);
    expect(community.body.reflections[0]!.author.displayName).toBeNull();
  });

  it('lets only its author share, unshare and withdraw it, at any time', async () => {
    const mine = (
      await call<{ reflection: Reflection }>(world.sourcePerson, 'POST', listPath(), {
        ...answers,
        anonymity: 'named',
      })
    ).body.reflection;
    const path = `/api/reflections/${mine.id}`;
    expect((await call(world.recipientPerson, 'PATCH', path, { sharedWithCommunity: true })).status).toBe(
      403,
    );
    expect((await call(world.facilitator, 'DELETE', path)).status).toBe(403);
    expect((await call(world.elsewhere, 'DELETE', path)).status).toBe(404);
    const shared = await call<{ reflection: Reflection }>(world.sourcePerson, 'PATCH', path, {
      sharedWithCommunity: true,
    });
    expect(shared.body.reflection.sharedWithCommunity).toBe(true);
    expect((await call(world.sourcePerson, 'DELETE', path)).status).toBe(204);
    expect((await list(world.sourcePerson)).some((r) => r.id === mine.id)).toBe(false);
    const community = await call<{ reflections: Reflection[] }>(
      world.elsewhere,
      'GET',
      `/api/communities/${world.communityId}/reflections`,
    );
    expect(community.body.reflections.some((r) => r.id === mine.id)).toBe(false);
  });
});
