import mongoose from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { connectDatabase } from '../../server/src/database/connectDatabase.ts';
import { connectClient, eventually, type CollabClient } from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { freePort, startRedis, type RedisServer } from '../support/redisServer.ts';
import { spawnInstances, stopInstances, type ServerInstance } from '../support/serverProcess.ts';
import { testDatabaseUri } from '../support/testDatabase.ts';
import { openAckedAuthor, storedEntries, type AckedAuthor } from './ackedAuthor.ts';

const LEASE_TAKEN = 'took the writer lease of a document';

describe('kill -9 of the instance holding a document’s writer lease', () => {
  const uri = testDatabaseUri();
  let redis: RedisServer;
  const instances: ServerInstance[] = [];
  const origins: string[] = [];
  const clients: CollabClient[] = [];
  const authors: AckedAuthor[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    instances.push(
      ...(await spawnInstances(
        3,
        { uri, redisUrl: redis.url, ports },
        {
          DISABLE_RATE_LIMITS: 'true',
          COLLAB_UPDATES_PER_SECOND: '1000',
          COLLAB_UPDATE_BURST: '1000',
          // Each write waits, so at the kill there are always forwarded updates the holder has not stored yet.
          COLLAB_TEST_WRITE_DELAY_MS: '40',
        },
      )),
    );
    origins.push(...instances.map((instance) => instance.origin));
    await connectDatabase(uri, { timeoutMs: 10_000, logger: pino({ level: 'silent' }) });
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const author of authors) author.raw.ws.close();
    await stopInstances(instances);
    await redis?.stop();
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });

  it('loses no acknowledged edit, stores every survivor’s edit, and every client converges', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(origins[0]!, 'learning-set');
    const documentId = room.documentId;
    const cookies = [facilitator.cookie, member.cookie, facilitator.cookie];
    const [onHolder, onB, onC] = await Promise.all(
      origins.map((origin, i) => openAckedAuthor(origin, documentId, cookies[i]!, `author${i}`)),
    );
    authors.push(onHolder!, onB!, onC!);
    // The first instance writes first, so it takes the lease; the others then forward to it.
    onHolder!.write();
    await eventually(() => expect(onHolder!.acknowledged()).toBe(1), 10_000);
    expect(instances[0]!.output()).toContain(LEASE_TAKEN);
    const watching = [1, 2].map((i) => connectClient(origins[i]!, documentId, cookies[i]!));
    clients.push(...watching);
    await Promise.all(watching.map((client) => client.synced()));

    const typing = setInterval(
      () => authors.forEach((author) => author.raw.ws.readyState === 1 && author.write()),
      10,
    );
    let acknowledgedByHolder = 0;
    try {
      await eventually(() => expect(onB!.acknowledged()).toBeGreaterThan(20), 10_000);
      instances[0]!.child.kill('SIGKILL');
      await instances[0]!.exited;
      acknowledgedByHolder = onHolder!.acknowledged();
      // Keep typing on the survivors through the takeover.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      clearInterval(typing);
    }

    // Everything the dead holder acknowledged is in the database.
    const afterKill = (await new DocumentStore().load(documentId)).doc;
    expect(acknowledgedByHolder).toBeGreaterThan(1);
    expect(storedEntries(afterKill, 'author0').slice(0, acknowledgedByHolder)).toEqual(
      onHolder!.entries().slice(0, acknowledgedByHolder),
    );
    // Every survivor's edit, including those forwarded to the holder and never stored by it, is stored and acknowledged.
    await eventually(() => {
      expect(onB!.acknowledged()).toBe(onB!.sent());
      expect(onC!.acknowledged()).toBe(onC!.sent());
    }, 20_000);
    // A survivor took the lease over once the dead holder's had expired.
    expect(instances.slice(1).some((instance) => instance.output().includes(LEASE_TAKEN))).toBe(true);
    const stored = (await new DocumentStore().load(documentId)).doc;
    expect(storedEntries(stored, 'author1')).toEqual(onB!.entries());
    expect(storedEntries(stored, 'author2')).toEqual(onC!.entries());
    const holderStored = storedEntries(stored, 'author0');
    expect(holderStored.slice(0, acknowledgedByHolder)).toEqual(
      onHolder!.entries().slice(0, acknowledgedByHolder),
    );
    // The surviving clients converge on exactly what is stored.
    await eventually(() => {
      for (const client of watching)
        for (const name of ['author0', 'author1', 'author2'])
          expect(storedEntries(client.doc, name)).toEqual(storedEntries(stored, name));
    }, 10_000);
  }, 90_000);
});
