import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE, type DocumentVersion } from '@common-ground/shared';
import {
  appendParagraph,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
} from '../collaboration/collabClient.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

const MAX_DOCUMENT_BYTES = 16 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
  });
});
afterAll(async () => {
  await server.stop();
});

async function storedParagraphs(documentId: string): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.server.documents.readState(documentId));
  return paragraphs(doc);
}

describe('a full document', () => {
  it('tells the member why, keeps what was stored, and lets a facilitator restore a version', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const documentId = room.documentId;
    const versionsPath = `/api/documents/${documentId}/versions`;

    const watcher = await openRaw(server.origin, documentId, { cookie: facilitator.cookie });
    watcher.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    const writer = await openRaw(server.origin, documentId, { cookie: member.cookie });
    writer.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
    const local = new Y.Doc();
    const send = (text: string) => {
      const before = Y.encodeStateVector(local);
      appendParagraph(local, text);
      writer.send(syncFrame(2, Y.encodeStateAsUpdate(local, before)));
    };
    send('Agreed plan');
    await eventually(() => expect(writer.savedClocks().at(-1)).toBe(1));
    const version = await api<{ version: DocumentVersion }>(server.origin, 'POST', versionsPath, {
      cookie: facilitator.cookie,
      body: { name: 'Before the flood' },
    });
    expect(version.status).toBe(201);

    // The member fills the document with large paragraphs until it refuses one.
    for (let i = 0; i < 20; i += 1) send(`${i} ${'a'.repeat(2000)}`);
    expect((await writer.closed).code).toBe(CLOSE_CODES.documentFull);
    expect(writer.statuses().at(-1)?.storage).toBe('full');
    await eventually(() => expect(watcher.statuses().at(-1)?.storage).toBe('full'));
    // The member heard `saved` for every update before the refused one, and all of them are stored.
    const saved = writer.savedClocks().at(-1)!;
    expect(saved).toBeGreaterThan(2);
    expect(await storedParagraphs(documentId)).toHaveLength(saved);

    // The facilitator restores the earlier version, at the cap.
    const restored = await api(server.origin, 'POST', `${versionsPath}/${version.body.version.id}/restore`, {
      cookie: facilitator.cookie,
    });
    expect(restored.status).toBe(201);
    expect(await storedParagraphs(documentId)).toEqual(['Agreed plan']);
    await eventually(() => expect(watcher.statuses().at(-1)?.storage).toBe('ok'));

    // And people can write again.
    const again = await openRaw(server.origin, documentId, { cookie: member.cookie });
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, await server.server.documents.readState(documentId));
    const before = Y.encodeStateVector(fresh);
    appendParagraph(fresh, 'Writing again');
    again.send(syncFrame(2, Y.encodeStateAsUpdate(fresh, before)));
    await eventually(async () =>
      expect(await storedParagraphs(documentId)).toEqual(['Agreed plan', 'Writing again']),
    );
    for (const socket of [watcher, again]) socket.ws.close();
  });
});
