import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_MESSAGE } from '@common-ground/shared';
import type { DocumentStore } from '../../server/src/collaboration/DocumentStore.ts';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  appendParagraph,
  connectClient,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
} from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

/** Makes the store's next `count` calls of one method throw, as a dropped database connection would. */
function failNext(
  store: DocumentStore,
  method: 'append' | 'load',
  count: number,
): { failures: () => number } {
  const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  let failures = 0;
  (store as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (failures < count) {
      failures += 1;
      throw new Error('injected: database unavailable');
    }
    return original(...args);
  };
  return { failures: () => failures };
}

describe('/collab/:documentId when the database fails', () => {
  it('retries a failing write, relays nothing unsaved meanwhile, and loses nothing', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const other = connectClient(server.origin, room.documentId, member.cookie);
    await other.synced();
    const author = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    author.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('ok'));

    const injected = failNext(server.server.documents.store, 'append', 4);
    const local = new Y.Doc();
    appendParagraph(local, 'Written while the database is down');
    author.send(syncFrame(2, Y.encodeStateAsUpdate(local)));
    await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('storage-retrying'));
    expect(paragraphs(other.doc)).toEqual([]);
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(0);
    expect(author.savedClocks().at(-1)).toBe(0);

    await eventually(() => expect(author.statuses().at(-1)?.storage).toBe('ok'));
    expect(injected.failures()).toBe(4);
    await eventually(() => expect(paragraphs(other.doc)).toEqual(['Written while the database is down']));
    await eventually(() => expect(author.savedClocks().at(-1)).toBe(1));
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(1);
    author.ws.close();
    other.destroy();
  });

  it('retries a failing load instead of starting from an empty document', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const first = connectClient(server.origin, room.documentId, facilitator.cookie);
    await first.synced();
    appendParagraph(first.doc, 'Stored before the outage');
    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(1),
    );
    first.destroy();
    await server.restart();

    const injected = failNext(server.server.documents.store, 'load', 3);
    const second = connectClient(server.origin, room.documentId, facilitator.cookie);
    await second.synced();
    expect(injected.failures()).toBe(3);
    expect(paragraphs(second.doc)).toEqual(['Stored before the outage']);
    appendParagraph(second.doc, 'After the outage');
    await eventually(async () => {
      const stored = await server.server.documents.store.load(room.documentId);
      expect(paragraphs(stored.doc)).toEqual(['Stored before the outage', 'After the outage']);
    });
    second.destroy();
  });

  it('handles frames sent while the document is still loading exactly once, in order, once it has loaded', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const injected = failNext(server.server.documents.store, 'load', 2);
    const author = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    author.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    const doc = new Y.Doc();
    for (const line of ['First early line', 'Second early line']) {
      const before = Y.encodeStateVector(doc);
      appendParagraph(doc, line);
      author.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
    }
    await eventually(() =>
      expect(author.statuses().some((status) => status.storage === 'storage-retrying')).toBe(true),
    );
    expect(injected.failures()).toBeGreaterThan(0);

    await eventually(() => expect(author.savedClocks().at(-1)).toBe(2));
    // A later frame answered proves both early ones were handled; each counted once, so `saved` stops at 2.
    author.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await eventually(() => expect(author.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
    author.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() => expect(author.savedClocks().length).toBeGreaterThan(2));
    expect(Math.max(...author.savedClocks())).toBe(2);
    expect(paragraphs(await server.server.documents.read(room.documentId))).toEqual([
      'First early line',
      'Second early line',
    ]);
    author.ws.close();
  });
});
