import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import {
  appendParagraph,
  connectClient,
  eventually,
  paragraphs,
  type CollabClient,
} from '../collaboration/collabClient.ts';
import { roomWithEveryRole, type SignedIn } from '../support/factories.ts';
import { startRedis, type RedisServer } from '../support/redisServer.ts';
import type { TestServer } from '../support/startTestServer.ts';
import { startExtraInstance, startFirstInstance, type ExtraInstance } from './clusterInstances.ts';

describe('co-editing one document across instances', () => {
  let redis: RedisServer;
  let a: TestServer;
  let b: ExtraInstance;
  let facilitator: SignedIn;
  let member: SignedIn;
  let documentId: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startFirstInstance(redis.url);
    b = await startExtraInstance(redis.url);
    const room = await roomWithEveryRole(a.origin, 'learning-set');
    ({ facilitator, member } = room);
    documentId = room.room.documentId;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  async function open(origin: string, who: SignedIn): Promise<CollabClient> {
    const client = connectClient(origin, documentId, who.cookie);
    clients.push(client);
    await client.synced();
    return client;
  }

  it('relays each stored edit live to editors on the other instance, both ways', async () => {
    const onA = await open(a.origin, facilitator);
    const onB = await open(b.origin, member);
    appendParagraph(onA.doc, 'Typed on instance A');
    await eventually(() => expect(paragraphs(onB.doc)).toContain('Typed on instance A'), 3000);
    appendParagraph(onB.doc, 'Typed on instance B');
    await eventually(() => expect(paragraphs(onA.doc)).toContain('Typed on instance B'), 3000);
    expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc));
  });

  it('fills a gap from the stored log when an announcement never arrived', async () => {
    const onA = await open(a.origin, facilitator);
    const onB = await open(b.origin, member);
    await eventually(() => expect(paragraphs(onB.doc)).toEqual(paragraphs(onA.doc)));
    // Another writer stores an entry whose announcement is lost: straight into the log, announced to nobody.
    const latest = await DocumentUpdateModel.findOne({ documentId }).sort({ seq: -1 }).lean();
    const ghost = new Y.Doc();
    Y.applyUpdate(ghost, Y.encodeStateAsUpdate(onA.doc));
    const before = Y.encodeStateVector(ghost);
    appendParagraph(ghost, 'Stored, never announced');
    await a.server.documents.store.append(
      documentId,
      latest!.seq + 1,
      Y.encodeStateAsUpdate(ghost, before),
      1,
    );
    // The next edit on A conflicts on that seq, reads it, and is announced after it: B sees a gap and reads the log.
    appendParagraph(onA.doc, 'The next edit');
    await eventually(() => expect(paragraphs(onB.doc)).toContain('The next edit'), 3000);
    expect(paragraphs(onB.doc)).toContain('Stored, never announced');
    await eventually(() => expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc)));
  });

  it('ignores an announcement forged with a wrong seq and stays consistent with the log', async () => {
    const onB = await open(b.origin, member);
    const publisher = new Redis(redis.url);
    try {
      const frame = Buffer.alloc(16 + 2);
      frame.writeBigUInt64BE(10_000_000n, 8);
      await publisher.publish(`common-ground:doc:${documentId}`, frame);
    } finally {
      publisher.disconnect();
    }
    const onA = await open(a.origin, facilitator);
    appendParagraph(onA.doc, 'After the forged announcement');
    await eventually(() => expect(paragraphs(onB.doc)).toContain('After the forged announcement'), 3000);
  });

  it('keeps editing through a Redis restart: nothing is lost and live relay resumes without reconnecting', async () => {
    const onA = await open(a.origin, facilitator);
    const onB = await open(b.origin, member);
    let reconnects = 0;
    onB.provider.on('status', ({ status }: { status: string }) => status === 'connecting' && reconnects++);
    await redis.stop({ hard: true });
    appendParagraph(onA.doc, 'Typed while Redis was down');
    await redis.start();
    appendParagraph(onA.doc, 'Typed after Redis returned');
    await eventually(() => expect(paragraphs(onB.doc)).toContain('Typed after Redis returned'), 8000);
    expect(paragraphs(onB.doc)).toContain('Typed while Redis was down');
    expect(reconnects).toBe(0);
    await eventually(() => expect(paragraphs(onA.doc)).toEqual(paragraphs(onB.doc)));
  });
});
