import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE } from '@common-ground/shared';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { connectClient, eventually, openRaw, paragraphs, syncFrame } from './collabClient.ts';

const MAX_DOCUMENT_BYTES = 4096;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
    COLLAB_UPDATES_PER_SECOND: '20',
    COLLAB_UPDATE_BURST: '40',
    COLLAB_MAX_EDITORS_PER_DOCUMENT: '2',
  });
});
afterAll(async () => {
  await server.stop();
});

/** Encodes `count` one-character insertions as separate updates, like keystrokes. */
function keystrokes(doc: Y.Doc, count: number, text = 'x'): Uint8Array[] {
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) {
    const before = Y.encodeStateVector(doc);
    doc.getText('notes').insert(doc.getText('notes').length, text);
    updates.push(Y.encodeStateAsUpdate(doc, before));
  }
  return updates;
}

describe('saved and status messages', () => {
  it('confirm each stored update to a subscribed editor and count read-only watchers', async () => {
    const { room, facilitator, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    editor.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    await eventually(() =>
      expect(editor.statuses().at(-1)).toEqual({ access: 'edit', storage: 'ok', watchers: 0 }),
    );
    const watcher = connectClient(server.origin, room.documentId, cookies.visitor);
    await watcher.synced();
    await eventually(() => expect(editor.statuses().at(-1)?.watchers).toBe(1));

    for (const update of keystrokes(new Y.Doc(), 3)) editor.send(syncFrame(2, update));
    await eventually(() => expect(editor.savedClocks().at(-1)).toBe(3));
    await eventually(() => expect(watcher.doc.getText('notes').toString()).toBe('xxx'));
    editor.ws.close();
    watcher.destroy();
  });

  it('never sends saved or status to a client that did not subscribe', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const stock = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    for (const update of keystrokes(new Y.Doc(), 2)) stock.send(syncFrame(2, update));
    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBeGreaterThan(0),
    );
    stock.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await eventually(() => expect(stock.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
    expect(stock.received.filter((m) => (m[0] ?? 0) >= COLLAB_MESSAGE.subscribeSaved)).toEqual([]);
    stock.ws.close();
  });
});

describe('limits', () => {
  it('marks a document full at the size cap, refuses the update that would pass it, and keeps it readable', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const reader = connectClient(server.origin, room.documentId, member.cookie);
    await reader.synced();
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    editor.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    const doc = new Y.Doc();
    for (const update of keystrokes(doc, 12, 'a'.repeat(400))) editor.send(syncFrame(2, update));
    expect((await editor.closed).code).toBe(CLOSE_CODES.documentFull);
    expect(editor.statuses().at(-1)?.storage).toBe('full');
    const stored = await server.server.documents.readState(room.documentId);
    expect(stored.byteLength).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);
    await eventually(() => expect(reader.doc.getText('notes').toString()).toBe(readNotes(stored)));
    reader.destroy();
  });

  it('closes a connection that sends updates faster than its rate with rateLimited', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    for (const update of keystrokes(new Y.Doc(), 80)) editor.send(syncFrame(2, update));
    expect((await editor.closed).code).toBe(CLOSE_CODES.rateLimited);
  });

  it('closes an editor beyond the per-document cap with roomFull, while watchers still join', async () => {
    const { room, facilitator, member, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const first = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    const second = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    const third = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    expect((await third.closed).code).toBe(CLOSE_CODES.roomFull);
    const watcher = connectClient(server.origin, room.documentId, cookies.observer);
    await watcher.synced();
    expect(paragraphs(watcher.doc)).toEqual([]);
    first.ws.close();
    second.ws.close();
    watcher.destroy();
  });
});

function readNotes(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('notes').toString();
}
