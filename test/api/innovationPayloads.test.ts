import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { databaseSnapshot } from './databaseSnapshot.ts';
import { buildInnovation } from './innovationCases.ts';
import { innovationCalls, innovationWorld, type InnovationWorld } from './innovationWorld.ts';

describe('innovation profiles: malformed requests', () => {
  let server: TestServer;
  let w: InnovationWorld;
  const { create, patch, fresh } = innovationCalls(
    () => server.origin,
    () => w,
  );

  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    w = await innovationWorld(server.origin);
  });
  afterAll(async () => server?.stop());

  it.each([
    ['an unknown field', { revision: 1, owner: 'someone' }],
    ['no field to change', { revision: 1 }],
    ['no revision', { name: 'New name' }],
    [
      'an unknown evidence kind',
      {
        revision: 1,
        evidence: [{ claim: 'x', kind: 'anecdote', finding: 'positive', source: 's', date: '2020-01-01' }],
      },
    ],
    [
      'an unknown finding',
      {
        revision: 1,
        evidence: [{ claim: 'x', kind: 'testimony', finding: 'great', source: 's', date: '2020-01-01' }],
      },
    ],
    [
      'a date that is not a date',
      {
        revision: 1,
        evidence: [{ claim: 'x', kind: 'testimony', finding: 'null', source: 's', date: 'last year' }],
      },
    ],
    [
      'a script address',
      {
        revision: 1,
        evidence: [
          {
            claim: 'x',
            kind: 'testimony',
            finding: 'null',
            source: 's',
            sourceUrl: 'javascript:alert(1)',
            date: '2020-01-01',
          },
        ],
      },
    ],
    ['an operator for a name', { revision: 1, name: { $ne: '' } }],
    ['an unknown stage', { revision: 1, stage: 'proven' }],
    ['an empty summary', { revision: 1, summary: '   ' }],
    ['a core function without what it achieves', { revision: 1, coreFunctions: [{ title: 'Drop-in' }] }],
    ['a contact id that is not an id', { revision: 1, contacts: ['someone'] }],
  ])('answers %s with a typed 400 and changes nothing', async (_what, body) => {
    const innovation = await fresh();
    const before = await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] });
    const result = await patch(innovation.id, w.author, body);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] })).toEqual(before);
  });

  it('answers a malformed new innovation with a typed 400 and stores nothing', async () => {
    const before = await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] });
    for (const body of [
      { name: 'No source', summary: 'x' },
      buildInnovation(w.source.id, { summary: '' }),
      { ...buildInnovation(w.source.id), communityId: w.communityId },
      buildInnovation(w.source.id, { contacts: [w.outsider.user.id] }),
    ]) {
      const result = await create(w.author, body);
      expect(result.status, JSON.stringify(result.body)).toBe(400);
      expect(result.body).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect(await databaseSnapshot({ ignore: ['sessions', 'ratelimitcounters'] })).toEqual(before);
  });
});
