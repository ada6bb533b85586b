import { Types } from 'mongoose';
import { pino } from 'pino';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { UpdateQueue } from '../../server/src/collaboration/UpdateQueue.ts';
import { eventually } from '../collaboration/collabClient.ts';
import { connectTestDatabase, dropTestDatabase } from '../support/testDatabase.ts';

beforeAll(async () => {
  await connectTestDatabase();
});
afterAll(async () => {
  await dropTestDatabase();
});

/** A queue at seq 0 whose document is a plain Y.Doc, as a room on an instance that heard nothing yet. */
function queueHearingNothing(store: DocumentStore, documentId: string) {
  const applied = new Y.Doc();
  const queue = new UpdateQueue(
    documentId,
    { seq: 0, tailEntries: 0, tailBytes: 0, snapshotBytes: 0 },
    {
      store,
      logger: pino({ level: 'silent' }),
      compactEvery: { updates: 1000, bytes: 1e9 },
      hooks: {
        stored: () => undefined,
        caughtUp: (entries) => entries.forEach((entry) => Y.applyUpdate(applied, entry.update)),
        retrying: () => undefined,
        captureState: () => Y.encodeStateAsUpdate(applied),
      },
    },
  );
  return { queue, text: () => applied.getText('t').toString() };
}

/** Another instance's writes: one log entry per word, returned with each entry's update. */
async function writeElsewhere(
  store: DocumentStore,
  documentId: string,
  writer: Y.Doc,
  words: string[],
  from: number,
) {
  const updates: Uint8Array[] = [];
  for (const [i, word] of words.entries()) {
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(writer.getText('t').length, word);
    const update = Y.encodeStateAsUpdate(writer, before);
    await store.append(documentId, from + i, update, 1);
    updates.push(update);
  }
  return updates;
}

describe('catching up on a document another instance compacted', () => {
  it('reads the snapshot when the log now starts past its seq', async () => {
    const store = new DocumentStore();
    const documentId = new Types.ObjectId().toString();
    const { queue, text } = queueHearingNothing(store, documentId);
    const writer = new Y.Doc();
    await writeElsewhere(store, documentId, writer, ['one ', 'two ', 'three '], 1);
    await store.compact(documentId, 3, Y.encodeStateAsUpdate(writer));
    const [fourth] = await writeElsewhere(store, documentId, writer, ['four'], 4);
    // Announcements 1-3 were lost; 4 shows a gap, and entries 1-3 are gone from the log.
    expect(queue.acceptRemote(4, fourth!)).toBe(false);
    await eventually(() => expect(text()).toBe('one two three four'));
    expect(queue.log.seq).toBe(4);
  });

  it('reads the snapshot when nothing is left in the log after it', async () => {
    const store = new DocumentStore();
    const documentId = new Types.ObjectId().toString();
    const { queue, text } = queueHearingNothing(store, documentId);
    const writer = new Y.Doc();
    const updates = await writeElsewhere(store, documentId, writer, ['alpha ', 'beta'], 1);
    await store.compact(documentId, 2, Y.encodeStateAsUpdate(writer));
    expect(queue.acceptRemote(2, updates[1]!)).toBe(false);
    await eventually(() => expect(text()).toBe('alpha beta'));
    expect(queue.log.seq).toBe(2);
  });
});
