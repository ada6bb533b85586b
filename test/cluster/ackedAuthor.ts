import * as Y from 'yjs';
import { COLLAB_MESSAGE } from '@common-ground/shared';
import { openRaw, syncFrame, type RawSocket } from '../collaboration/collabClient.ts';

/**
 * An author on a raw /collab socket that subscribes to `saved`: each `write` sends one update (a numbered entry in
 * its own Y.Array) and remembers it, so a test can ask which writes the server acknowledged as stored.
 */
export interface AckedAuthor {
  /** The author's own copy (only its own writes). */
  doc: Y.Doc;
  raw: RawSocket;
  /** Sends the next numbered entry as one update message. */
  write(): void;
  /** Updates sent so far. */
  sent(): number;
  /** How many of its updates the server has acknowledged as stored (the highest `saved`). */
  acknowledged(): number;
  /** The entries it wrote, in order (`name:index`). */
  entries(): string[];
}

/** Opens an author on `origin` for a document, with its name as the key of its Y.Array. */
export async function openAckedAuthor(
  origin: string,
  documentId: string,
  cookie: string,
  name: string,
): Promise<AckedAuthor> {
  const raw = await openRaw(origin, documentId, { cookie });
  raw.send(new Uint8Array([COLLAB_MESSAGE.subscribeSaved]));
  const doc = new Y.Doc();
  const list = doc.getArray<string>(name);
  let sent = 0;
  return {
    doc,
    raw,
    write: () => {
      const before = Y.encodeStateVector(doc);
      list.push([`${name}:${sent}`]);
      sent += 1;
      raw.send(syncFrame(2, Y.encodeStateAsUpdate(doc, before)));
    },
    sent: () => sent,
    acknowledged: () => Math.max(0, ...raw.savedClocks()),
    entries: () => list.toArray(),
  };
}

/** The entries of `name` in a stored document. */
export function storedEntries(stored: Y.Doc, name: string): string[] {
  return stored.getArray<string>(name).toArray();
}
