import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE_CODES, COLLAB_MESSAGE } from '@common-ground/shared';
import { DocumentUpdateModel } from '../../server/src/models/DocumentUpdate.ts';
import { createRoom, roomWithEveryRole } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import {
  appendParagraph,
  awarenessFrame,
  connectClient,
  eventually,
  openRaw,
  paragraphs,
  syncFrame,
} from './collabClient.ts';

const MAX_FRAME = 64 * 1024;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true', COLLAB_MAX_FRAME_BYTES: String(MAX_FRAME) });
});
afterAll(async () => {
  await server.stop();
});

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function awarenessWithRawState(state: string): Uint8Array {
  return awarenessFrame(12345, 1, state);
}

function seededGarbage(seed: number, length: number): Uint8Array {
  let state = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** Frames that are not valid y-websocket protocol, each with the close code it must earn. */
const CORPUS: Array<{ name: string; frame: Uint8Array | string; code: number }> = [
  { name: 'empty frame', frame: bytes(), code: CLOSE_CODES.malformed },
  { name: 'truncated varint', frame: bytes(0xff, 0xff, 0xff), code: CLOSE_CODES.malformed },
  { name: 'sync without a sync type', frame: bytes(COLLAB_MESSAGE.sync), code: CLOSE_CODES.malformed },
  {
    name: 'unknown sync type',
    frame: syncFrame(0, new Uint8Array()).map((b, i) => (i === 1 ? 9 : b)),
    code: CLOSE_CODES.malformed,
  },
  { name: 'update with a length past the end', frame: bytes(0, 2, 0x7f, 1, 2), code: CLOSE_CODES.malformed },
  {
    name: 'update of garbage bytes',
    frame: syncFrame(2, bytes(1, 1, 0xff, 0xff, 0xff, 0x0f, 3, 9, 9)),
    code: CLOSE_CODES.malformed,
  },
  {
    name: 'sync step 2 of garbage bytes',
    frame: syncFrame(1, seededGarbage(7, 40)),
    code: CLOSE_CODES.malformed,
  },
  { name: 'unknown message type', frame: bytes(77, 1, 2, 3), code: CLOSE_CODES.malformed },
  { name: 'awareness with bad JSON', frame: awarenessWithRawState('{"user": '), code: CLOSE_CODES.malformed },
  {
    name: 'awareness truncated',
    frame: awarenessWithRawState('{}').slice(0, 5),
    code: CLOSE_CODES.malformed,
  },
  { name: 'text frame', frame: 'hello', code: CLOSE_CODES.malformed },
  {
    name: 'frame over the size limit',
    frame: new Uint8Array(MAX_FRAME + 1),
    code: CLOSE_CODES.messageTooBig,
  },
  ...[1, 2, 3, 4, 5].map((seed) => ({
    name: `random bytes #${seed}`,
    frame: seededGarbage(seed, 64).map((b, i) => (i === 0 ? COLLAB_MESSAGE.sync : i === 1 ? seed % 3 : b)),
    code: CLOSE_CODES.malformed,
  })),
];

describe('malformed and oversized frames on /collab/:documentId', () => {
  it('close only the offending socket, store nothing, and leave every document syncing', async () => {
    const { room, community, facilitator, member } = await roomWithEveryRole(server.origin, 'learning-set');
    const otherRoom = await createRoom(server.origin, facilitator, community.id);
    const watchers = [room, otherRoom].map((each) =>
      connectClient(server.origin, each.documentId, member.cookie),
    );
    const writer = connectClient(server.origin, room.documentId, facilitator.cookie);
    await Promise.all([...watchers, writer].map((client) => client.synced()));
    appendParagraph(writer.doc, 'Before the corpus');
    await eventually(() => expect(paragraphs(watchers[0]!.doc)).toEqual(['Before the corpus']));
    const logBefore = await DocumentUpdateModel.countDocuments({ documentId: room.documentId });

    for (const entry of CORPUS) {
      const raw = await openRaw(server.origin, room.documentId, { cookie: facilitator.cookie });
      raw.ws.send(entry.frame);
      expect((await raw.closed).code, entry.name).toBe(entry.code);
    }

    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(logBefore);
    appendParagraph(writer.doc, 'After the corpus');
    const elsewhere = connectClient(server.origin, otherRoom.documentId, facilitator.cookie);
    await elsewhere.synced();
    appendParagraph(elsewhere.doc, 'Another document');
    await eventually(() => {
      expect(paragraphs(watchers[0]!.doc)).toEqual(['Before the corpus', 'After the corpus']);
      expect(paragraphs(watchers[1]!.doc)).toEqual(['Another document']);
    });
    const reloaded = await server.server.documents.store.load(room.documentId);
    expect(reloaded.unreadable).toEqual([]);
    expect(paragraphs(reloaded.doc)).toEqual(['Before the corpus', 'After the corpus']);
    for (const client of [...watchers, writer, elsewhere]) client.destroy();
  });

  it("drops a read-only connection's flood of updates without storing them, and keeps answering it", async () => {
    const { room, cookies } = await roomWithEveryRole(server.origin, 'open-day');
    const raw = await openRaw(server.origin, room.documentId, { cookie: cookies.visitor! });
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i += 1) {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(0, 'x');
      raw.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.queryAwareness);
    raw.send(encoding.toUint8Array(encoder));
    raw.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await eventually(() => expect(raw.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
    expect(await DocumentUpdateModel.countDocuments({ documentId: room.documentId })).toBe(0);
    raw.ws.close();
  });
});
