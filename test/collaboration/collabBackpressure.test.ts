import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectClient, eventually, openRaw, syncFrame } from './collabClient.ts';

const WRITE_DELAY_MS = 150;
const UPDATES = 400;
const UPDATE_BYTES = 1024;
let server: TestServer;
beforeAll(async () => {
  // Every write to the update log takes 150 ms, so a client can send far faster than the database stores.
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_UPDATES_PER_SECOND: '100000',
    COLLAB_UPDATE_BURST: '100000',
    COLLAB_TEST_WRITE_DELAY_MS: String(WRITE_DELAY_MS),
  });
});
afterAll(async () => {
  await server.stop();
});

describe('an editor sending faster than the database stores', () => {
  it('is read only as fast as its updates are stored, and nothing it sent is lost', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const watcher = connectClient(server.origin, room.documentId, member.cookie);
    await watcher.synced();
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < UPDATES; i += 1)
      author.getText('notes').insert(author.getText('notes').length, String(i % 10).repeat(UPDATE_BYTES));
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    for (const update of updates) editor.send(syncFrame(2, update));

    const expected = author.getText('notes').toString();
    await eventually(() => expect(watcher.doc.getText('notes').toString()).toBe(expected), 30_000);
    const entries = await DocumentUpdateModel.find({ documentId: room.documentId }, { count: 1 }).lean();
    expect(entries.reduce((sum, entry) => sum + (entry.count as number), 0)).toBe(UPDATES);
    // Read all at once, the 400 KB would be queued together and stored in one or two batches. Paused above 64 KB, the
    // socket is read again only as batches are stored, so no batch holds much more than 64 KB plus one read of TCP.
    expect(Math.max(...entries.map((entry) => entry.count as number))).toBeLessThanOrEqual(160);
    expect(entries.length).toBeGreaterThanOrEqual(UPDATES / 160);
    editor.ws.close();
    watcher.destroy();
  });
});
