import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_MESSAGE } from '@common-ground/shared';
import { connectClient, eventually, openRaw, type CollabClient } from '../collaboration/collabClient.ts';
import { createVisitor, roomWithEveryRole } from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

describe('document presence across instances', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startFirstInstance(redis.url);
    b = await startExtraInstance(redis.url);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  function open(origin: string, documentId: string, cookie: string | null): CollabClient {
    const client = connectClient(origin, documentId, cookie);
    clients.push(client);
    return client;
  }

  it('shows carets from the other instance, including to an instance that loads the document later', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(a.origin, 'learning-set');
    const first = open(a.origin, room.documentId, facilitator.cookie);
    await first.synced();
    first.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    // B loads the document only now, and must ask A for the presence it already has.
    const second = open(b.origin, room.documentId, member.cookie);
    await second.synced();
    const firstId = first.doc.clientID;
    await eventually(() =>
      expect(second.provider.awareness.getStates().get(firstId)?.cursor).toEqual({ anchor: 1, head: 1 }),
    );
    // The server writes the identity: the name seen on B is the one A's server gave.
    expect(second.provider.awareness.getStates().get(firstId)?.user?.name).toBe(facilitator.user.displayName);

    second.provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 4 });
    const secondId = second.doc.clientID;
    await eventually(() =>
      expect(first.provider.awareness.getStates().get(secondId)?.cursor).toEqual({ anchor: 2, head: 4 }),
    );

    first.destroy();
    await eventually(() => expect(second.provider.awareness.getStates().has(firstId)).toBe(false));
  });

  it('counts watchers on every instance in the headcount', async () => {
    const { room, facilitator, visitor } = await roomWithEveryRole(a.origin, 'open-day');
    const host = await openRaw(a.origin, room.documentId, { cookie: facilitator.cookie });
    host.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(host.statuses().at(-1)?.watchers).toBe(0));
    const secondVisitor = await createVisitor(a.origin, facilitator, room.id);
    const onA = open(a.origin, room.documentId, visitor!.cookie);
    const onB = open(b.origin, room.documentId, secondVisitor.cookie);
    await Promise.all([onA.synced(), onB.synced()]);
    await eventually(() => expect(host.statuses().at(-1)?.watchers).toBe(2));
    onB.destroy();
    await eventually(() => expect(host.statuses().at(-1)?.watchers).toBe(1));
    host.ws.close();
  });
});
