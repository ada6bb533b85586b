import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_CHECKPOINT_INTERVAL_MS } from '@common-ground/shared';
import { takeCheckpoint } from '../../server/src/commands/documentHistory.ts';
import type { LiveDocuments } from '../../server/src/collaboration/LiveDocuments.ts';
import { writeJsonContent } from '../support/writeJsonContent.ts';
import { DocumentVersionModel } from '../../server/src/models/DocumentVersion.ts';
import { connectTestDatabase, dropTestDatabase } from '../support/testDatabase.ts';

/** A document that two "instances" read; each read is a fresh copy, as the collaboration server gives. */
function liveDocument(): { live: LiveDocuments; edit(text: string): void } {
  const doc = new Y.Doc();
  return {
    live: {
      read: async () => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        return copy;
      },
      applyUpdate: async () => {},
      onPersisted: () => () => {},
    },
    edit: (text) =>
      writeJsonContent(doc.getXmlFragment('content'), [
        { type: 'paragraph', content: [{ type: 'text', text }] },
      ]),
  };
}

describe('automatic checkpoints', () => {
  beforeAll(async () => {
    await connectTestDatabase();
    await DocumentVersionModel.init();
  });
  afterAll(async () => {
    await dropTestDatabase();
  });

  it('stores one checkpoint per window even when several instances try at once, and none when nothing changed', async () => {
    const documentId = String(new Types.ObjectId());
    const { live, edit } = liveDocument();
    const start = Math.floor(Date.now() / DOCUMENT_CHECKPOINT_INTERVAL_MS) * DOCUMENT_CHECKPOINT_INTERVAL_MS;

    expect(await takeCheckpoint(live, documentId, start)).toBeNull(); // an empty, never-edited document
    edit('First thoughts');
    const racers = await Promise.all(
      Array.from({ length: 5 }, () => takeCheckpoint(live, documentId, start + 1000)),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await DocumentVersionModel.countDocuments({ documentId, kind: 'automatic' })).toBe(1);

    edit('More, in the same window');
    expect(await takeCheckpoint(live, documentId, start + 60_000)).toBeNull();

    const nextWindow = start + DOCUMENT_CHECKPOINT_INTERVAL_MS + 1000;
    expect(await takeCheckpoint(live, documentId, nextWindow)).not.toBeNull();
    // Nothing changed since that checkpoint: a later window adds nothing.
    expect(await takeCheckpoint(live, documentId, nextWindow + DOCUMENT_CHECKPOINT_INTERVAL_MS)).toBeNull();
    expect(await DocumentVersionModel.countDocuments({ documentId, kind: 'automatic' })).toBe(2);
  });
});
