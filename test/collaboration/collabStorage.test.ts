import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { pino } from 'pino';
import type * as Y from 'yjs';
import { DocumentSnapshotModel } from '../../server/src/models/DocumentSnapshot.ts';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { appendParagraph, connectClient, eventually, paragraphs } from './collabClient.ts';

let server: TestServer;
let second: PlatformServer | null = null;
beforeAll(async () => {
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_COMPACT_EVERY_UPDATES: '5',
    COLLAB_IDLE_UNLOAD_MS: '200',
  });
});
afterAll(async () => {
  await second?.close();
  await server.stop();
});

/** Types one line at a time, each only after the previous one is stored, so each becomes its own log entry. */
async function typeSlowly(documentId: string, doc: Y.Doc, lines: string[]): Promise<void> {
  for (const [index, line] of lines.entries()) {
    appendParagraph(doc, line);
    // The server's copy holds only stored updates: once it has this line, the next one goes in a later entry.
    await eventually(async () =>
      expect(paragraphs(await server.server.documents.read(documentId))).toEqual(lines.slice(0, index + 1)),
    );
  }
}

describe('collaboration storage', () => {
  it('compacts the log into a snapshot, deletes only what the snapshot covers, and loads snapshot + tail', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const client = connectClient(server.origin, room.documentId, facilitator.cookie);
    await client.synced();
    const lines = Array.from({ length: 12 }, (_, index) => `Line ${index + 1}`);
    await typeSlowly(room.documentId, client.doc, lines);

    await eventually(async () => {
      const snapshot = await DocumentSnapshotModel.findOne({ documentId: room.documentId })
        .sort({ seq: -1 })
        .lean();
      expect(snapshot?.seq).toBeGreaterThanOrEqual(10);
      const covered = await DocumentUpdateModel.countDocuments({
        documentId: room.documentId,
        seq: mongoose.trusted({ $lte: snapshot!.seq }),
      });
      expect(covered).toBe(0);
      expect(await DocumentSnapshotModel.countDocuments({ documentId: room.documentId })).toBe(1);
      const loaded = await server.server.documents.store.load(room.documentId);
      expect(paragraphs(loaded.doc)).toEqual(lines);
    });
    client.destroy();
  });

  it('unloads a document after the idle period with a final flush, and loads it again intact', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const client = connectClient(server.origin, room.documentId, facilitator.cookie);
    await client.synced();
    appendParagraph(client.doc, 'Kept after unloading');
    await eventually(() => expect(paragraphs(client.doc)).toEqual(['Kept after unloading']));
    client.destroy();
    await eventually(() => expect(server.server.documents.isLoaded(room.documentId)).toBe(false));
    const again = connectClient(server.origin, room.documentId, facilitator.cookie);
    await again.synced();
    expect(paragraphs(again.doc)).toEqual(['Kept after unloading']);
    again.destroy();
  });

  it('two instances holding the same document never interleave silently: a stale writer reads what it missed', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    second = createPlatformServer({ env: server.server.context.env, logger: pino({ level: 'silent' }) });
    const port = await second.listen(0, '127.0.0.1');
    const onFirst = connectClient(server.origin, room.documentId, facilitator.cookie);
    const onSecond = connectClient(`http://127.0.0.1:${port}`, room.documentId, member.cookie);
    await Promise.all([onFirst.synced(), onSecond.synced()]);

    appendParagraph(onFirst.doc, 'Written through the first instance');
    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(1),
    );
    appendParagraph(onSecond.doc, 'Written through the second instance');
    await eventually(() =>
      expect(paragraphs(onSecond.doc).sort()).toEqual([
        'Written through the first instance',
        'Written through the second instance',
      ]),
    );
    await eventually(async () => {
      const entries = await DocumentUpdateModel.find({ documentId: room.documentId }).sort({ seq: 1 }).lean();
      expect(entries.map((entry) => entry.seq)).toEqual([1, 2]);
    });
    const stored = await server.server.documents.store.load(room.documentId);
    expect(paragraphs(stored.doc).sort()).toEqual(paragraphs(onSecond.doc).sort());
    onFirst.destroy();
    onSecond.destroy();
  });
});
