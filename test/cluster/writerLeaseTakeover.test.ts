import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { eventually } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import { openAckedAuthor, storedEntries, type AckedAuthor } from './ackedAuthor.ts';
import { startExtraInstance, startFirstInstance } from './clusterInstances.ts';

/**
 * Another holder (played by this test) stores entries this instance never hears of and compacts them into a
 * snapshot, then its lease goes. The instance that takes the lease must write after that snapshot, never at a seq it
 * covers (where its entry would be hidden by the snapshot, and lost on the next load).
 */
describe('taking over a document’s writer lease from a holder that compacted', () => {
  let redis: RedisServer;
  let server: TestServer;
  let bus: Redis;
  const authors: AckedAuthor[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    server = await startFirstInstance(redis.url, { DISABLE_RATE_LIMITS: 'true' });
    bus = new Redis(redis.url);
  });
  afterAll(async () => {
    for (const author of authors) author.raw.ws.close();
    bus?.disconnect();
    await server?.stop();
    await redis?.stop();
  });

  /** A document whose lease another holder has, with an author connected here (the document loaded at seq 0). */
  async function heldElsewhere() {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const key = `common-ground:writer:${room.documentId}`;
    await bus.set(key, 'another-instance', 'PX', 60_000);
    const author = await openAckedAuthor(server.origin, room.documentId, facilitator.cookie, 'here');
    authors.push(author);
    await eventually(() => expect(author.raw.statuses().at(-1)?.storage).toBe('ok'));
    return { documentId: room.documentId, key, author };
  }

  /** The other holder's three entries, never announced, compacted into a snapshot at seq 3. */
  async function storeAndCompactElsewhere(documentId: string): Promise<void> {
    const store = new DocumentStore();
    const elsewhere = new Y.Doc();
    for (let seq = 1; seq <= 3; seq += 1) {
      const before = Y.encodeStateVector(elsewhere);
      elsewhere.getArray<string>('elsewhere').push([`elsewhere:${seq}`]);
      await store.append(documentId, seq, Y.encodeStateAsUpdate(elsewhere, before), 1);
    }
    await store.compact(documentId, 3, Y.encodeStateAsUpdate(elsewhere));
  }

  async function expectBothStored(documentId: string, author: AckedAuthor): Promise<void> {
    await eventually(() => expect(author.acknowledged()).toBe(1), 15_000);
    const stored = (await new DocumentStore().load(documentId)).doc;
    expect(storedEntries(stored, 'here')).toEqual(['here:0']);
    expect(storedEntries(stored, 'elsewhere')).toEqual(['elsewhere:1', 'elsewhere:2', 'elsewhere:3']);
  }

  it('after a forward went unanswered and the lease expired', async () => {
    const { documentId, key, author } = await heldElsewhere();
    await storeAndCompactElsewhere(documentId);
    author.write();
    // The forward goes unanswered; the holder's lease then lapses, and this instance takes it and writes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(author.acknowledged()).toBe(0);
    await bus.del(key);
    await expectBothStored(documentId, author);
  });

  it('while Redis is down, when every instance writes directly', async () => {
    const unreachable = await startRedis({ started: false });
    const direct = await startExtraInstance(unreachable.url, { DISABLE_RATE_LIMITS: 'true' });
    try {
      const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
      const author = await openAckedAuthor(direct.origin, room.documentId, facilitator.cookie, 'here');
      authors.push(author);
      await eventually(() => expect(author.raw.statuses().at(-1)?.storage).toBe('ok'));
      await storeAndCompactElsewhere(room.documentId);
      author.write();
      await expectBothStored(room.documentId, author);
    } finally {
      await direct.stop();
    }
  });

  it('when the lease was already free at its first write', async () => {
    const { documentId, key, author } = await heldElsewhere();
    await storeAndCompactElsewhere(documentId);
    await bus.del(key);
    author.write();
    await expectBothStored(documentId, author);
  });
});
