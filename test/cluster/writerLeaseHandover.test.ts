import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import { openAckedAuthor, storedEntries, type AckedAuthor } from './ackedAuthor.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

const ENV = {
  DISABLE_RATE_LIMITS: 'true',
  COLLAB_UPDATES_PER_SECOND: '1000',
  COLLAB_UPDATE_BURST: '1000',
  // Each write waits, so when the holder stops it still has forwarded updates it has not stored.
  COLLAB_TEST_WRITE_DELAY_MS: '40',
};

describe('the lease holder shutting down (SIGTERM, a deploy) in the middle of editing', () => {
  let redis: RedisServer;
  let setup: TestServer;
  let holder: ExtraInstance;
  let other: ExtraInstance;
  let holderStopped = false;
  const authors: AckedAuthor[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    setup = await startFirstInstance(redis.url, ENV);
    holder = await startExtraInstance(redis.url, ENV);
    other = await startExtraInstance(redis.url, ENV);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const author of authors) author.raw.ws.close();
    await other?.stop();
    if (!holderStopped) await holder?.stop();
    await setup?.stop();
    await redis?.stop();
  });

  it('stores what it had taken from others, hands the lease over, and loses nothing', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(setup.origin, 'learning-set');
    const onHolder = await openAckedAuthor(holder.origin, room.documentId, facilitator.cookie, 'holder');
    authors.push(onHolder);
    onHolder.write();
    await eventually(() => expect(onHolder.acknowledged()).toBe(1));
    const onOther = await openAckedAuthor(other.origin, room.documentId, member.cookie, 'other');
    const watcher = connectClient(other.origin, room.documentId, facilitator.cookie);
    authors.push(onOther);
    clients.push(watcher);
    await watcher.synced();

    const typing = setInterval(() => onOther.write(), 10);
    try {
      await eventually(() => expect(onOther.acknowledged()).toBeGreaterThan(10));
      expect(holder.server.documents.writeStats.storedForOthers).toBeGreaterThan(0);
      await holder.stop();
      holderStopped = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      clearInterval(typing);
    }
    await eventually(() => expect(onOther.acknowledged()).toBe(onOther.sent()), 15_000);
    const stored = (await new DocumentStore().load(room.documentId)).doc;
    expect(storedEntries(stored, 'other')).toEqual(onOther.entries());
    expect(storedEntries(stored, 'holder')).toEqual(['holder:0']);
    await eventually(() => expect(storedEntries(watcher.doc, 'other')).toEqual(onOther.entries()));
    // The remaining instance writes for itself now.
    const before = other.server.documents.writeStats.forwarded;
    onOther.write();
    await eventually(() => expect(onOther.acknowledged()).toBe(onOther.sent()));
    expect(other.server.documents.writeStats.forwarded).toBe(before);
  });
});
