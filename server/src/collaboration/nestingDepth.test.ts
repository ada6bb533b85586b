import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { nestsDeeperThan } from './nestingDepth.ts';

/** Runs `change` on `doc` in one transaction and reports whether it nested deeper than `maxDepth`. */
function verdict(doc: Y.Doc, maxDepth: number, change: () => void): boolean {
  let deeper = false;
  const inspect = (transaction: Y.Transaction) => (deeper = nestsDeeperThan(transaction, maxDepth));
  doc.on('afterTransaction', inspect);
  doc.transact(change);
  doc.off('afterTransaction', inspect);
  return deeper;
}

/** Blockquotes nested `levels` deep in the body; returns the innermost. */
function nest(parent: Y.XmlFragment, levels: number): Y.XmlFragment {
  for (let i = 0; i < levels; i += 1) {
    parent.insert(0, [new Y.XmlElement('blockquote')]);
    parent = parent.get(0) as Y.XmlElement;
  }
  return parent;
}

describe('nestsDeeperThan', () => {
  it('allows content up to the bound and refuses one level more, in one transaction', () => {
    expect(verdict(new Y.Doc(), 3, () => nest(new Y.Doc().getXmlFragment('x'), 0))).toBe(false);
    const allowed = new Y.Doc();
    expect(verdict(allowed, 3, () => nest(allowed.getXmlFragment('content'), 3))).toBe(false);
    const refused = new Y.Doc();
    expect(verdict(refused, 3, () => nest(refused.getXmlFragment('content'), 4))).toBe(true);
  });

  it('counts the depth of content already there when a later transaction adds below it', () => {
    const doc = new Y.Doc();
    let innermost!: Y.XmlFragment;
    expect(verdict(doc, 3, () => (innermost = nest(doc.getXmlFragment('content'), 2)))).toBe(false);
    // A text is a type too: at depth 3 it is allowed, and typing into it adds no level.
    const text = new Y.XmlText();
    expect(verdict(doc, 3, () => innermost.insert(0, [text]))).toBe(false);
    expect(verdict(doc, 3, () => text.insert(0, 'typing at the deepest level'))).toBe(false);
    expect(verdict(doc, 3, () => nest(innermost, 1))).toBe(false);
    expect(verdict(doc, 3, () => nest(innermost.get(0) as Y.XmlElement, 1))).toBe(true);
  });

  it('finds a deep new type among many old siblings and inside maps', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('content');
    doc.transact(() => {
      for (let i = 0; i < 200; i += 1) body.push([new Y.XmlElement('paragraph')]);
    });
    const middle = body.get(100) as Y.XmlElement;
    expect(verdict(doc, 2, () => nest(middle, 1))).toBe(false);
    expect(verdict(doc, 2, () => nest(middle.get(0) as Y.XmlElement, 1))).toBe(true);
    const settings = doc.getMap<Y.Map<unknown>>('settings');
    expect(
      verdict(doc, 2, () => {
        const inner = new Y.Map<unknown>();
        settings.set('a', inner);
        const deeper = new Y.Map<unknown>();
        inner.set('b', deeper);
        deeper.set('c', new Y.Map());
      }),
    ).toBe(true);
  });

  it('refuses a change to content that already sits deeper than the bound', () => {
    const doc = new Y.Doc();
    let innermost!: Y.XmlFragment;
    doc.transact(() => (innermost = nest(doc.getXmlFragment('content'), 5)));
    expect(verdict(doc, 3, () => innermost.insert(0, [new Y.XmlText('x')]))).toBe(true);
  });
});
