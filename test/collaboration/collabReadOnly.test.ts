import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Binary } from 'mongodb';
import * as Y from 'yjs';
import { CLOSE_CODES } from '@common-ground/shared';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  appendParagraph,
  awarenessFrame,
  connectClient,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
  type RawSocket,
} from './collabClient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
});
afterAll(async () => {
  await server.stop();
});

/** Sends sync step 1 and waits for the reply, proving every earlier frame on this socket was handled. */
async function barrier(raw: RawSocket): Promise<void> {
  const replies = () => raw.received.filter((message) => message[0] === 0 && message[1] === 1).length;
  const before = replies();
  raw.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
  await eventually(() => expect(replies()).toBeGreaterThan(before));
}

async function storedLog(documentId: string) {
  const entries = await DocumentUpdateModel.find({ documentId }).sort({ seq: 1 }).lean();
  return entries.map(
    (entry) => `${entry.seq}:${Buffer.from((entry.update as unknown as Binary).buffer).toString('base64')}`,
  );
}

describe('read-only connections on /collab/:documentId', () => {
  it('observers and visitors receive the document and live changes, but their updates and awareness go nowhere', async () => {
    const { room, cookies, facilitator } = await roomWithEveryRole(server.origin, 'open-day');
    const editor = connectClient(server.origin, room.documentId, facilitator.cookie);
    editor.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await editor.synced();
    appendParagraph(editor.doc, 'Agreed practice');
    const watcher = connectClient(server.origin, room.documentId, cookies.visitor);
    await watcher.synced();
    await eventually(() => expect(paragraphs(watcher.doc)).toEqual(['Agreed practice']));
    appendParagraph(editor.doc, 'Live change');
    await eventually(() => expect(paragraphs(watcher.doc)).toEqual(['Agreed practice', 'Live change']));
    const logBefore = await storedLog(room.documentId);

    for (const role of ['observer', 'visitor'] as const) {
      const raw = await openRaw(server.origin, room.documentId, { cookie: cookies[role]! });
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(editor.doc));
      const before = Y.encodeStateVector(forged);
      appendParagraph(forged, `Forged by ${role}`);
      const operations = Y.encodeStateAsUpdate(forged, before);
      raw.send(syncFrame(2, operations));
      raw.send(syncFrame(1, Y.encodeStateAsUpdate(forged)));
      const spoofedUser = JSON.stringify({
        user: { id: facilitator.user.id, name: facilitator.user.displayName },
      });
      raw.send(awarenessFrame(editor.doc.clientID, 99, spoofedUser));
      raw.send(awarenessFrame(forged.clientID, 1, spoofedUser));
      await barrier(raw);
      raw.ws.close();
    }

    expect(await storedLog(room.documentId)).toEqual(logBefore);
    expect(paragraphs(await server.server.documents.read(room.documentId))).toEqual([
      'Agreed practice',
      'Live change',
    ]);
    expect(paragraphs(editor.doc)).toEqual(['Agreed practice', 'Live change']);
    expect(paragraphs(watcher.doc)).toEqual(['Agreed practice', 'Live change']);
    expect([...editor.provider.awareness.getStates().keys()]).toEqual([editor.doc.clientID]);
    expect(editor.provider.awareness.getLocalState()).toMatchObject({ cursor: { at: 1 } });
    const editorAsSeen = watcher.provider.awareness.getStates().get(editor.doc.clientID);
    expect(editorAsSeen).toMatchObject({ cursor: { at: 1 }, user: { id: facilitator.user.id } });
    expect([...watcher.provider.awareness.getStates().keys()].sort()).toEqual(
      [editor.doc.clientID, watcher.doc.clientID].sort(),
    );
    editor.destroy();
    watcher.destroy();
  });

  it("overwrites an editor's awareness identity and refuses another connection's client id", async () => {
    const { room, facilitator, member, observer } = await roomWithEveryRole(server.origin, 'learning-set');
    const honest = connectClient(server.origin, room.documentId, facilitator.cookie);
    honest.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    const viewer = connectClient(server.origin, room.documentId, observer.cookie);
    await Promise.all([honest.synced(), viewer.synced()]);
    await eventually(() =>
      expect(viewer.provider.awareness.getStates().get(honest.doc.clientID)).toBeDefined(),
    );

    const impostor = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    const claim = JSON.stringify({
      user: { id: facilitator.user.id, name: 'Fatima Facilitator', color: '#000' },
    });
    impostor.send(awarenessFrame(424242, 1, claim));
    await barrier(impostor);
    await eventually(() =>
      expect(viewer.provider.awareness.getStates().get(424242)).toMatchObject({
        user: { id: member.user.id, name: member.user.displayName },
      }),
    );

    for (let attempt = 0; attempt < 3; attempt += 1)
      impostor.send(
        awarenessFrame(honest.doc.clientID, 100 + attempt, JSON.stringify({ cursor: { anchor: 0 } })),
      );
    expect((await impostor.closed).code).toBe(CLOSE_CODES.awarenessConflict);
    await eventually(() => expect(viewer.provider.awareness.getStates().get(424242)).toBeUndefined());
    expect(viewer.provider.awareness.getStates().get(honest.doc.clientID)).toMatchObject({
      cursor: { anchor: 3 },
      user: { id: facilitator.user.id },
    });
    honest.destroy();
    viewer.destroy();
  });
});
