import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DAY_LIMITS, OPEN_DAY_RATE_LIMITS, type HostQuestion } from '@common-ground/shared';
import { api } from '../support/http.ts';
import {
  buildRegistration,
  registeredVisitor,
  scheduleOpenDay,
  startOpenDayWorld,
  type OpenDayWorld,
} from '../support/openDayWorld.ts';
import { startTestServer } from '../support/startTestServer.ts';

describe('open-day limits, with rate limits on', () => {
  let world: OpenDayWorld;
  beforeAll(async () => {
    world = await startOpenDayWorld({ DISABLE_RATE_LIMITS: 'false' });
  });
  afterAll(async () => {
    await world?.stop();
  });

  const registerRaw = (slug: string, body: unknown) =>
    api(world.server.origin, 'POST', `/api/open-days/${slug}/registrations`, { body });

  it('warns about personal data, flags it for the host, caps length and limits questions per pass', async () => {
    const openDay = await scheduleOpenDay(world);
    const visitor = await registeredVisitor(world, openDay.slug);
    const ask = (body: unknown) =>
      api<{ error?: { code: string; details?: { warnings?: unknown[] } } }>(
        world.server.origin,
        'POST',
        '/api/open-day-pass/questions',
        { cookie: visitor.cookie, body },
      );
    const warned = await ask({ text: 'Jamie aged 7 was moved, what then?' });
    expect(warned.status).toBe(400);
    expect(warned.body.error?.details?.warnings).toHaveLength(1);
    expect((await ask({ text: 'x'.repeat(OPEN_DAY_LIMITS.questionLength + 1) })).status).toBe(400);
    expect(
      (await ask({ text: 'Jamie aged 7 was moved, what then?', personalDataChecked: true })).status,
    ).toBe(201);
    const queue = await api<{ questions: HostQuestion[] }>(
      world.server.origin,
      'GET',
      `/api/hosted-open-days/${openDay.id}/questions`,
      { cookie: world.host.cookie },
    );
    expect(queue.body.questions.map((question) => question.personalDataFlag)).toEqual([true]);
    for (let index = 1; index < OPEN_DAY_LIMITS.questionsPerPassPerHour; index += 1)
      expect((await ask({ text: `Question ${index}` })).status).toBe(201);
    const over = await ask({ text: 'One too many' });
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('rate_limited');
  });

  it('limits registrations per address and per network address', async () => {
    const openDay = await scheduleOpenDay(world);
    const person = buildRegistration();
    const perAddress = OPEN_DAY_RATE_LIMITS.registrationsPerAddress.limit;
    for (let index = 0; index < perAddress; index += 1)
      expect((await registerRaw(openDay.slug, person)).status).toBe(202);
    expect((await registerRaw(openDay.slug, person)).status).toBe(429);
    // The network address has made 1 (the first test's visitor) + perAddress + 1 registrations so far.
    const used = 1 + perAddress + 1;
    let accepted = 0;
    for (let index = 0; index < OPEN_DAY_RATE_LIMITS.registrationsPerIp.limit; index += 1) {
      const result = await registerRaw(openDay.slug, buildRegistration());
      if (result.status !== 202) {
        expect(result.status).toBe(429);
        break;
      }
      accepted += 1;
    }
    expect(accepted).toBe(OPEN_DAY_RATE_LIMITS.registrationsPerIp.limit - used);
  });
});

describe('open days without email', () => {
  it('refuses to schedule with 503 mail_not_configured', async () => {
    const server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    try {
      const register = await api(server.origin, 'POST', '/api/auth/register', {
        body: { email: 'host@example.org', password: 'a long enough password', displayName: 'Host' },
      });
      const community = await api<{ community: { id: string } }>(server.origin, 'POST', '/api/communities', {
        cookie: register.cookie,
        body: { name: 'No mail', purpose: 'Testing without mail' },
      });
      const result = await api<{ error: { code: string } }>(
        server.origin,
        'POST',
        `/api/communities/${community.body.community.id}/open-days`,
        {
          cookie: register.cookie,
          body: {
            title: 'Open day',
            description: '',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 90_000_000).toISOString(),
            capacity: 10,
            safeguardingLead: { name: 'Sam', email: 'sam@example.org' },
          },
        },
      );
      expect(result.status).toBe(503);
      expect(result.body.error.code).toBe('mail_not_configured');
    } finally {
      await server.stop();
    }
  });
});
