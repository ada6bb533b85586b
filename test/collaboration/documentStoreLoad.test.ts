import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { connectTestDatabase, dropTestDatabase } from '../support/testDatabase.ts';

/** A store whose first log read is overtaken by a compaction, as another instance's compaction could overtake it. */
class OvertakenStore extends DocumentStore {
  private overtake: (() => Promise<void>) | null = null;

  overtakeNextRead(compaction: () => Promise<void>): void {
    this.overtake = compaction;
  }

  override async readAfter(documentId: string, seq: number) {
    const compaction = this.overtake;
    this.overtake = null;
    await compaction?.();
    return super.readAfter(documentId, seq);
  }
}

describe('loading a document while it is being compacted', () => {
  beforeAll(async () => {
    await connectTestDatabase();
  });
  afterAll(async () => dropTestDatabase());

  it('never returns a document missing the entries a concurrent compaction moved into a snapshot', async () => {
    const store = new OvertakenStore();
    await store.ready();
    const documentId = String(new Types.ObjectId());
    const author = new Y.Doc();
    const text = author.getText('t');
    for (let seq = 1; seq <= 10; seq++) {
      const before = Y.encodeStateVector(author);
      text.insert(text.length, `${seq};`);
      await store.append(documentId, seq, Y.encodeStateAsUpdate(author, before), 1);
    }
    store.overtakeNextRead(() => store.compact(documentId, 10, Y.encodeStateAsUpdate(author)));

    const loaded = await store.load(documentId);

    expect(loaded.doc.getText('t').toString()).toBe('1;2;3;4;5;6;7;8;9;10;');
    expect(loaded.seq).toBe(10);
  });
});
