import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_LIMITS } from '@common-ground/shared';
import { DocumentSnapshotModel } from '../../server/src/models/DocumentSnapshot.ts';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { eventually, openRaw, syncFrame } from './collabClient.ts';
import { nestedBlockquotes, poisonedUpdate } from './hostileUpdates.ts';

const COMPACT_EVERY = 10;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    DISABLE_RATE_LIMITS: 'true',
    COLLAB_COMPACT_EVERY_UPDATES: String(COMPACT_EVERY),
  });
});
afterAll(async () => {
  await server.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> {
  return Promise.race([promise, pause(ms).then(() => 'still open' as const)]);
}

describe('content the editor could never hold', () => {
  it('refuses an update nested deeper than the editor allows with tooDeep, and stores nothing', async () => {
    const { room, facilitator } = await roomWithEveryRole(server.origin, 'learning-set');
    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    editor.send(syncFrame(2, nestedBlockquotes(COLLAB_LIMITS.maxNestingDepth + 50, 'deep')));
    const closed = await within(editor.closed, 3000);
    expect(closed === 'still open' ? closed : closed.code).toBe(CLOSE_CODES.tooDeep);
    await pause(200);
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(0);

    // Content within the bound is accepted.
    const fine = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    fine.send(syncFrame(2, nestedBlockquotes(10, 'shallow')));
    await eventually(async () =>
      expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(1),
    );
    fine.ws.close();
  });

  it('refuses an update that decodes but cannot be applied, and the document keeps compacting', async () => {
    const { room, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const attacker = await openRaw(server.origin, room.documentId, { cookie: member.cookie });
    attacker.send(syncFrame(2, poisonedUpdate()));
    const closed = await within(attacker.closed, 1000);

    const editor = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
    const doc = new Y.Doc();
    const edits = COMPACT_EVERY * 3;
    for (let i = 0; i < edits; i += 1) {
      const before = Y.encodeStateVector(doc);
      doc.getText('notes').insert(i, 'x');
      editor.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
      await pause(15);
    }
    await eventually(async () => {
      const state = await server.server.documents.readState(room.documentId);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, state);
      expect(stored.getText('notes').toString()).toBe('x'.repeat(edits));
    });
    await eventually(async () =>
      expect(await DocumentSnapshotModel.countDocuments({ documentId: room.documentId })).toBe(1),
    );
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBeLessThan(
      COMPACT_EVERY,
    );
    expect(closed === 'still open' ? closed : closed.code).toBe(CLOSE_CODES.malformed);
    editor.ws.close();
  });
});
