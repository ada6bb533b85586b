import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { AccessEvents, type AccessEvent } from '../../server/src/access/AccessEvents.ts';
import { connectRedis } from '../../server/src/cluster/connectRedis.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import { connectTestDatabase, dropTestDatabase } from '../support/testDatabase.ts';
import { waitFor } from '../realtime/discussionClient.ts';

const logger = pino({ level: 'silent' });

describe('access changes between instances', () => {
  let redis: RedisServer;
  const stops: Array<() => unknown> = [];

  beforeAll(async () => {
    await connectTestDatabase();
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await redis?.stop();
    await dropTestDatabase();
  });

  function instance(options: { pollWithBusMs?: number } = {}) {
    const client = connectRedis(redis.url, logger);
    const events = new AccessEvents({ logger, redis: client, ...options });
    const heard: AccessEvent[] = [];
    stops.push(
      events.subscribe((event) => heard.push(event)),
      () => events.stop(),
      () => client.disconnect(),
    );
    return { events, heard, client };
  }

  it('reach another instance through Redis within a second, exactly once, without waiting for the database poll', async () => {
    const a = instance();
    // B polls the database only once a minute while the bus is up: anything it hears sooner came through Redis.
    const b = instance({ pollWithBusMs: 60_000 });
    await waitFor(() => a.client.status === 'ready' && b.client.status === 'ready', 5000, 'bus up');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await a.events.publish({ type: 'session.ended', sessionId: 'session-1' });
    await waitFor(() => b.heard.length > 0, 1000, 'the change on B');
    expect(Date.now() - started).toBeLessThan(1000);
    await a.events.publish({ type: 'pass.revoked', passId: 'barrier' });
    await waitFor(() => b.heard.some((e) => e.type === 'pass.revoked'), 1000, 'barrier');
    expect(b.heard.filter((e) => e.type === 'session.ended')).toHaveLength(1);
    // A hears its own change once, locally, not again from the bus.
    expect(a.heard.filter((e) => e.type === 'session.ended')).toHaveLength(1);
  });

  it('still reach it within a second through the database while Redis is down', async () => {
    const a = instance();
    const b = instance({ pollWithBusMs: 60_000 });
    await waitFor(() => b.client.status === 'ready', 5000, 'bus up');
    await redis.stop({ hard: true });
    await waitFor(() => b.client.status !== 'ready', 5000, 'bus down');
    await a.events.publish({ type: 'membership.changed', communityId: 'c1', userId: 'u1' });
    await waitFor(
      () => b.heard.some((e) => e.type === 'membership.changed'),
      1000,
      'the change via the poll',
    );
    await redis.start();
  });
});
