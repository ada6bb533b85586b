import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Innovation } from '@common-ground/shared';
import { InnovationModel } from '../../server/src/models/Innovation.ts';
import { InnovationChangeModel } from '../../server/src/models/InnovationChange.ts';
import { joinCommunityAs, type SignedIn } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { databaseSnapshot } from './databaseSnapshot.ts';
import { buildInnovation, confirmAt } from './innovationCases.ts';
import { innovationCalls, innovationWorld, type InnovationWorld } from './innovationWorld.ts';

describe('innovation profiles: reading, editing, the evidenced rule and history', () => {
  let server: TestServer;
  let w: InnovationWorld;
  const { call, create, patch, history, fresh } = innovationCalls(
    () => server.origin,
    () => w,
  );

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    w = await innovationWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it('lets a confirmed person of the source organisation add one, shown to every member with every finding', async () => {
    const innovation = await fresh();
    expect(innovation.sourceOrganisation.id).toBe(w.source.id);
    expect(innovation.stage).toBe('developing');
    expect(innovation.abilities).toEqual({ view: true, edit: true });
    for (const reader of [w.facilitator, w.otherMember, w.sourceObserver]) {
      const one = await call<{ innovation: Innovation }>('GET', `/api/innovations/${innovation.id}`, reader);
      expect(one.status).toBe(200);
      expect(one.body.innovation.evidence.map((e) => [e.claim, e.finding])).toEqual([
        ['Waiting times for specialist services fell', 'positive'],
        ['No change in re-referrals after a year', 'null'],
      ]);
      expect(one.body.innovation.context.nonNegotiable).toBe('No appointment needed');
      expect(one.body.innovation.abilities.edit).toBe(false);
      const list = await call<{ innovations: Innovation[] }>(
        'GET',
        `/api/communities/${w.communityId}/innovations`,
        reader,
      );
      expect(list.status).toBe(200);
      expect(list.body.innovations.map((i) => i.id)).toContain(innovation.id);
    }
  });

  it('hides innovations from people outside the community, even from the source organisation', async () => {
    const innovation = await fresh();
    expect((await call('GET', `/api/innovations/${innovation.id}`, w.outsider)).status).toBe(404);
    expect((await call('GET', `/api/innovations/${innovation.id}/history`, w.outsider)).status).toBe(404);
    expect((await call('GET', `/api/communities/${w.communityId}/innovations`, w.outsider)).status).toBe(404);
    expect((await patch(innovation.id, w.outsider, { revision: 1, name: 'Taken over' })).status).toBe(404);
    expect((await create(w.outsider, buildInnovation(w.source.id))).status).toBe(404);
    expect((await call('GET', `/api/innovations/${innovation.id}`, null)).status).toBe(401);
  });

  it('offers adding one only to people who may add one for their own organisation', async () => {
    const abilities = async (who: SignedIn) =>
      (
        await call<{ abilities: { create: boolean } }>(
          'GET',
          `/api/communities/${w.communityId}/innovations`,
          who,
        )
      ).body.abilities;
    expect(await abilities(w.author)).toEqual({ create: true });
    expect(await abilities(w.sourceObserver)).toEqual({ create: false });
  });

  it.each([
    ['a member of another organisation', 'otherMember'],
    ['a facilitator of another organisation', 'facilitator'],
    ['an observer confirmed at the source (no innovation.edit)', 'sourceObserver'],
  ] as const)('refuses edits and additions by %s, changing nothing', async (_who, key) => {
    const innovation = await fresh();
    const before = await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] });
    const edited = await patch(innovation.id, w[key], { revision: 1, name: 'Changed by someone else' });
    expect(edited.status).toBe(403);
    expect(edited.body).toMatchObject({ error: { code: 'forbidden' } });
    const added = await create(w[key], buildInnovation(w.source.id, { name: 'Claimed for the source' }));
    expect(added.status).toBe(403);
    expect(await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] })).toEqual(before);
  });

  it('refuses to mark an innovation evidenced without an independent impact evaluation', async () => {
    const declared = await create(
      w.author,
      buildInnovation(w.source.id, { name: 'Declared', stage: 'evidenced' }),
    );
    expect(declared.status).toBe(400);
    expect(declared.body).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { fields: { stage: expect.stringContaining('independent impact evaluation') } },
      },
    });
    expect(await InnovationModel.exists({ name: 'Declared' })).toBeNull();

    const innovation = await fresh();
    const refused = await patch(innovation.id, w.author, { revision: 1, stage: 'evidenced' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 'validation_failed', details: { fields: { stage: expect.any(String) } } },
    });
    expect((await InnovationModel.findById(innovation.id).lean())?.stage).toBe('developing');
    expect(await history(innovation.id, w.author)).toHaveLength(1);

    const independent = {
      claim: 'No difference in outcomes at 12 months',
      kind: 'independent impact evaluation',
      finding: 'null',
      source: 'Independent evaluator',
      date: '2019-06-30',
    };
    const allowed = await patch(innovation.id, w.author, {
      revision: 1,
      stage: 'evidenced',
      evidence: [...innovation.evidence, independent],
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.innovation.stage).toBe('evidenced');
    expect(allowed.body.innovation.evidence.at(-1)).toMatchObject({
      finding: 'null',
      kind: independent.kind,
    });

    const withdrawn = await patch(innovation.id, w.author, { revision: 2, evidence: innovation.evidence });
    expect(withdrawn.status).toBe(400);
    expect((await InnovationModel.findById(innovation.id).lean())?.evidence).toHaveLength(3);
  });

  it('keeps every change in a history of who changed what, and when', async () => {
    const innovation = await fresh();
    const colleague = await joinCommunityAs(server.origin, w.facilitator, w.communityId, 'member');
    await confirmAt(server.origin, w.sourceAdmin, w.source, colleague);
    const started = Date.now();
    const first = await patch(innovation.id, colleague, {
      revision: 1,
      vision: 'Every young person is heard the day they ask.',
      evidence: [
        ...innovation.evidence,
        {
          claim: 'More young people waited longer',
          kind: 'testimony',
          finding: 'negative',
          source: 'Young advisers',
          date: '2019-01-31',
        },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.innovation.revision).toBe(2);
    const entries = await history(innovation.id, w.otherMember);
    expect(entries.map((entry) => [entry.revision, entry.changedBy.displayName])).toEqual([
      [2, colleague.user.displayName],
      [1, w.author.user.displayName],
    ]);
    const [latest] = entries;
    expect(latest!.changes).toEqual([
      { field: 'vision', summary: 'Vision changed' },
      {
        field: 'evidence',
        summary: 'Added evidence “More young people waited longer” (Negative finding)',
      },
    ]);
    const changedAt = Date.parse(latest!.changedAt);
    expect(changedAt).toBeGreaterThanOrEqual(started - 1000);
    expect(changedAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await InnovationChangeModel.countDocuments({ innovationId: innovation.id })).toBe(2);
  });

  it('refuses a change made from an old revision, so a colleague’s change is never overwritten', async () => {
    const innovation = await fresh();
    expect((await patch(innovation.id, w.author, { revision: 1, vision: 'First' })).status).toBe(200);
    const stale = await patch(innovation.id, w.author, { revision: 1, vision: 'Second' });
    expect(stale.status).toBe(409);
    expect((await InnovationModel.findById(innovation.id).lean())?.vision).toBe('First');
    expect(await history(innovation.id, w.author)).toHaveLength(2);
  });

  it('lets exactly one of several changes made at once from the same revision through', async () => {
    const innovation = await fresh();
    const results = await Promise.all(
      ['One', 'Two', 'Three'].map((vision) => patch(innovation.id, w.author, { revision: 1, vision })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((result) => result.status === 200)!.body.innovation.vision;
    const stored = await InnovationModel.findById(innovation.id).lean();
    expect([stored?.vision, stored?.revision]).toEqual([winner, 2]);
    expect(await history(innovation.id, w.author)).toHaveLength(2);
  });
});
