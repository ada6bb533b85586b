import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteStats } from '../../server/src/collaboration/DocumentWriter.ts';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import { openAckedAuthor, storedEntries, type AckedAuthor } from './ackedAuthor.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

const ENV = { DISABLE_RATE_LIMITS: 'true', COLLAB_UPDATES_PER_SECOND: '1000', COLLAB_UPDATE_BURST: '1000' };

describe('one writer per document across three instances (writer lease in Redis)', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  let c: ExtraInstance;
  const clients: CollabClient[] = [];
  const authors: AckedAuthor[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startFirstInstance(redis.url, ENV);
    b = await startExtraInstance(redis.url, ENV);
    c = await startExtraInstance(redis.url, ENV);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const author of authors) author.raw.ws.close();
    await c?.stop();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  const origins = () => [a.origin, b.origin, c.origin];
  const statsOf = (): WriteStats[] =>
    [a.server, b.server, c.server].map((server) => ({ ...server.documents.writeStats }));
  const total = (stats: WriteStats[], key: keyof WriteStats) => stats.reduce((sum, s) => sum + s[key], 0);

  /** A document with an acknowledged author and a stock client on each instance. */
  async function editedOnEveryInstance(prefix: string) {
    const { room, facilitator, member } = await roomWithEveryRole(a.origin, 'learning-set');
    const cookies = [facilitator.cookie, member.cookie, facilitator.cookie];
    const here = await Promise.all(
      origins().map((origin, i) => openAckedAuthor(origin, room.documentId, cookies[i]!, `${prefix}${i}`)),
    );
    authors.push(...here);
    const watching = origins().map((origin, i) => connectClient(origin, room.documentId, cookies[i]!));
    clients.push(...watching);
    await Promise.all(watching.map((client) => client.synced()));
    return { documentId: room.documentId, authors: here, clients: watching };
  }

  /** Every author's writes are acknowledged, stored once each in order, and every client shows exactly that. */
  async function expectEverythingStored(
    documentId: string,
    writers: AckedAuthor[],
    watching: CollabClient[],
  ) {
    await eventually(() => {
      for (const author of writers) expect(author.acknowledged()).toBe(author.sent());
    }, 20_000);
    const stored = (await new DocumentStore().load(documentId)).doc;
    writers.forEach((author, i) => {
      const name = author.doc.share.keys().next().value!;
      expect(storedEntries(stored, name), `author ${i}`).toEqual(author.entries());
    });
    await eventually(() => {
      for (const client of watching)
        for (const author of writers) {
          const name = author.doc.share.keys().next().value!;
          expect(storedEntries(client.doc, name)).toEqual(author.entries());
        }
    }, 10_000);
  }

  it('stores every edit exactly once, written by one instance, without a single seq conflict', async () => {
    const { documentId, authors: writers, clients: watching } = await editedOnEveryInstance('steady');
    // The first write takes the lease; everything after that is steady state.
    writers[0]!.write();
    await eventually(() => expect(writers[0]!.acknowledged()).toBe(1));
    const before = statsOf();
    for (let round = 0; round < 20; round += 1) {
      for (const author of writers) author.write();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await expectEverythingStored(documentId, writers, watching);
    const after = statsOf();

    expect(total(after, 'seqConflicts') - total(before, 'seqConflicts')).toBe(0);
    // Two instances forwarded their editors' batches; the holder stored them.
    const forwarders = after.filter((s, i) => s.forwarded > before[i]!.forwarded);
    expect(forwarders).toHaveLength(2);
    expect(total(after, 'storedForOthers') - total(before, 'storedForOthers')).toBeGreaterThan(0);
    expect(total(after, 'forwardRetries') - total(before, 'forwardRetries')).toBe(0);
    // Each client update counted once in the log: nothing stored twice, nothing missing.
    const entries = await DocumentUpdateModel.find({ documentId }).lean();
    expect(entries.reduce((sum, entry) => sum + (entry.count as number), 0)).toBe(61);
  });

  it('tells a forwarding author storage-retrying while the holder cannot store, and saved once it has', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(a.origin, 'learning-set');
    const holder = await openAckedAuthor(a.origin, room.documentId, facilitator.cookie, 'holder');
    authors.push(holder);
    holder.write();
    await eventually(() => expect(holder.acknowledged()).toBe(1));
    const forwarding = await openAckedAuthor(b.origin, room.documentId, member.cookie, 'forwarding');
    const watcher = connectClient(c.origin, room.documentId, facilitator.cookie);
    authors.push(forwarding);
    clients.push(watcher);
    await watcher.synced();
    await eventually(() => expect(forwarding.raw.statuses().at(-1)?.storage).toBe('ok'));

    // The holder's next six writes fail (about three seconds of backoff), as with its database away.
    const store = a.server.documents.store;
    const append = store.append.bind(store);
    let failures = 0;
    store.append = async (...args: Parameters<typeof append>) => {
      if (failures < 6) {
        failures += 1;
        throw new Error('injected: database unavailable');
      }
      return append(...args);
    };
    try {
      forwarding.write();
      await eventually(
        () => expect(forwarding.raw.statuses().at(-1)?.storage).toBe('storage-retrying'),
        5000,
      );
      expect(forwarding.acknowledged()).toBe(0);
      expect(storedEntries(watcher.doc, 'forwarding')).toEqual([]);
      await eventually(() => expect(forwarding.acknowledged()).toBe(1), 10_000);
      expect(forwarding.raw.statuses().at(-1)?.storage).toBe('ok');
      await eventually(() => expect(storedEntries(watcher.doc, 'forwarding')).toEqual(['forwarding:0']));
    } finally {
      store.append = append;
    }
    expect(failures).toBe(6);
    const entries = await DocumentUpdateModel.find({ documentId: room.documentId }).lean();
    expect(entries.reduce((sum, entry) => sum + (entry.count as number), 0)).toBe(2);
  });

  it('loses nothing when Redis restarts mid-editing, and the lease is taken again afterwards', async () => {
    const { documentId, authors: writers, clients: watching } = await editedOnEveryInstance('outage');
    const typing = setInterval(() => writers.forEach((author) => author.write()), 20);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await redis.stop({ hard: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await redis.start();
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      clearInterval(typing);
    }
    await expectEverythingStored(documentId, writers, watching);

    // Back to one writer: further edits are forwarded again, without conflicts.
    const before = statsOf();
    for (let round = 0; round < 5; round += 1) {
      for (const author of writers) author.write();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await expectEverythingStored(documentId, writers, watching);
    const after = statsOf();
    expect(total(after, 'forwarded') - total(before, 'forwarded')).toBeGreaterThan(0);
    expect(total(after, 'seqConflicts') - total(before, 'seqConflicts')).toBe(0);
  });
});
