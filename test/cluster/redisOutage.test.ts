import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Readiness } from '@common-ground/shared';
import {
  createCommunity,
  createRoom,
  joinCommunityAs,
  registerUser,
  type SignedIn,
} from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import {
  collectNew,
  connectSocket,
  joinRoom,
  sendMessage,
  waitFor,
  type ClientSocket,
} from '../realtime/discussionClient.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

async function readiness(origin: string): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${origin}/readyz`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

async function waitForReadiness(origin: string, want: Readiness['redis'], timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readiness(origin);
    if (answer.body.redis === want) return answer;
    if (Date.now() > deadline)
      throw new Error(`readyz still says redis ${answer.body.redis}, wanted ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('when Redis is down', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    // Reserve a port but do not start Redis yet: the instances must start without it.
    redis = await startRedis({ started: false });
    a = await startFirstInstance(redis.url);
    b = await startExtraInstance(redis.url);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('starts anyway, reports itself degraded (200, redis down), and recovers by itself', async () => {
    const down = await readiness(a.origin);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', redis: 'down', database: { reachable: true } });
    await redis.start();
    const up = await waitForReadiness(a.origin, 'up');
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('ready');
    await waitForReadiness(b.origin, 'up');
  });

  it('loses nothing across a Redis restart mid-discussion, and live relay resumes without reconnecting', async () => {
    const facilitator: SignedIn = await registerUser(a.origin);
    const communityId = (await createCommunity(a.origin, facilitator)).id;
    const roomId = (await createRoom(a.origin, facilitator, communityId)).id;
    const member = await joinCommunityAs(a.origin, facilitator, communityId, 'member');
    const onA = await connectSocket(a.origin, facilitator.cookie);
    const onB = await connectSocket(b.origin, member.cookie);
    sockets.push(onA, onB);
    await joinRoom(onA, roomId);
    await joinRoom(onB, roomId);
    const inbox = collectNew(onB);
    let reconnects = 0;
    onB.io.on('reconnect_attempt', () => reconnects++);

    const before = await sendMessage(onA, roomId, 'before the outage');
    await waitFor(() => inbox.some((m) => m.id === before.id), 5000, 'delivery before the outage');

    await redis.stop({ hard: true });
    await waitForReadiness(a.origin, 'down');
    // Stored in MongoDB at once; its relay waits in the instance's queue for the bus to return.
    const during = await sendMessage(onA, roomId, 'during the outage');
    await redis.start();
    await waitForReadiness(a.origin, 'up');

    const after = await sendMessage(onA, roomId, 'after the outage');
    await waitFor(() => inbox.some((m) => m.id === after.id), 5000, 'live relay after the restart');
    await waitFor(() => inbox.some((m) => m.id === during.id), 5000, 'the message sent during the outage');
    expect(inbox.filter((m) => m.id === during.id)).toHaveLength(1);
    expect(onB.connected).toBe(true);
    expect(reconnects).toBe(0);
  });
});
