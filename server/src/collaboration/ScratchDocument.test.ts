import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '@common-ground/shared';
import { ScratchDocument } from './ScratchDocument.ts';

function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('content').push([paragraph]);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

function nestedUpdate(doc: Y.Doc, levels: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    let parent: Y.XmlFragment = doc.getXmlFragment('content');
    for (let i = 0; i < levels; i += 1) {
      parent.insert(0, [new Y.XmlElement('blockquote')]);
      parent = parent.get(0) as Y.XmlElement;
    }
  });
  return Y.encodeStateAsUpdate(doc, before);
}

describe('ScratchDocument', () => {
  const stored = new Y.Doc();
  const scratch = () =>
    new ScratchDocument(
      { stored: () => stored, pending: () => [] },
      { maxDocumentBytes: 2048, maxNestingDepth: 5 },
    );

  it('accepts content up to the depth bound, counted across updates, and refuses deeper', () => {
    const copy = scratch();
    const client = new Y.Doc();
    expect(copy.check(nestedUpdate(client, 4))).toEqual({ ok: true });
    // One more level inside the innermost blockquote: depth 5 is allowed, 6 is not.
    const before = Y.encodeStateVector(client);
    let innermost = client.getXmlFragment('content').get(0) as Y.XmlElement;
    while (innermost.length) innermost = innermost.get(0) as Y.XmlElement;
    innermost.insert(0, [new Y.XmlElement('blockquote')]);
    expect(copy.check(Y.encodeStateAsUpdate(client, before))).toEqual({ ok: true });
    expect(copy.check(nestedUpdate(new Y.Doc(), 6))).toMatchObject({ ok: false, code: CLOSE_CODES.tooDeep });
  });

  it('measures the size cap on the state it holds, so deleting makes room', () => {
    const fulls: boolean[] = [];
    const copy = new ScratchDocument(
      { stored: () => stored, pending: () => [] },
      { maxDocumentBytes: 2048, maxNestingDepth: 5 },
      (full) => fulls.push(full),
    );
    const client = new Y.Doc();
    expect(copy.check(paragraphUpdate(client, 'a'.repeat(1500)))).toEqual({ ok: true });
    expect(copy.check(paragraphUpdate(new Y.Doc(), 'b'.repeat(1500)))).toMatchObject({
      code: CLOSE_CODES.documentFull,
    });
    expect(fulls.at(-1)).toBe(true);
    const before = Y.encodeStateVector(client);
    client.getXmlFragment('content').delete(0, 1);
    expect(copy.check(Y.encodeStateAsUpdate(client, before))).toEqual({ ok: true });
    expect(fulls.at(-1)).toBe(false);
    expect(copy.check(paragraphUpdate(client, 'c'.repeat(1500)))).toEqual({ ok: true });
  });
});
