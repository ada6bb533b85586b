import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentBlocks, summariseChanges } from './documentBlocks.ts';
import { writeJsonContent, type JsonNode } from '../../../test/support/writeJsonContent.ts';

const h = (text: string): JsonNode => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const p = (text: string): JsonNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function blocks(nodes: JsonNode[]) {
  const doc = new Y.Doc();
  writeJsonContent(doc.getXmlFragment('content'), nodes);
  return documentBlocks(doc.getXmlFragment('content'));
}

describe('documentBlocks and summariseChanges', () => {
  it('labels each block with the heading above it, including task items and table rows', () => {
    expect(
      blocks([
        p('intro'),
        h('Actions'),
        {
          type: 'taskList',
          content: [{ type: 'taskItem', attrs: { checked: true }, content: [p('book the room')] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [p('North')] },
                { type: 'tableCell', content: [p('2')] },
              ],
            },
          ],
        },
      ]),
    ).toEqual([
      { section: '', text: 'intro' },
      { section: 'Actions', text: 'Actions' },
      { section: 'Actions', text: '[done] book the room' },
      { section: 'Actions', text: 'North | 2' },
    ]);
  });

  it('reports added, removed and changed sections, and nothing when nothing changed', () => {
    const before = blocks([h('Vision'), p('same'), h('Evidence'), p('old figure'), h('Dropped'), p('gone')]);
    const after = blocks([
      h('Vision'),
      p('same'),
      h('Evidence'),
      p('new figure'),
      h('What did not work'),
      p('honest'),
    ]);
    expect(summariseChanges(before, before)).toEqual([]);
    expect(summariseChanges(before, after)).toEqual([
      { heading: 'Evidence', change: 'changed', added: ['new figure'], removed: ['old figure'] },
      { heading: 'What did not work', change: 'added', added: ['honest'], removed: [] },
      { heading: 'Dropped', change: 'removed', added: [], removed: ['gone'] },
    ]);
  });
});
