import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentToMarkdown } from './documentToMarkdown.ts';
import { writeJsonContent, type JsonNode } from '../../../test/support/writeJsonContent.ts';

function markdown(nodes: JsonNode[]): string {
  const doc = new Y.Doc();
  writeJsonContent(doc.getXmlFragment('content'), nodes);
  return documentToMarkdown(doc.getXmlFragment('content'));
}

const p = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: JsonNode['marks'] & object): JsonNode => ({ type: 'text', text, marks });
const li = (...content: JsonNode[]): JsonNode => ({ type: 'listItem', content });

describe('documentToMarkdown', () => {
  it('is empty for an empty document', () => {
    expect(markdown([])).toBe('');
  });

  it('renders headings and marks, keeping spaces outside delimiters and merging adjacent marks', () => {
    expect(
      markdown([
        { type: 'heading', attrs: { level: 1 }, content: [t('Core features')] },
        p(
          t('We '),
          t('always ', { type: 'bold' }),
          t('listen', { type: 'bold' }, { type: 'italic' }),
          t(' first'),
        ),
        p(t('use '), t('a`b', { type: 'code' }), t(' then'), { type: 'hardBreak' }, t('next')),
      ]),
    ).toBe('# Core features\n\nWe **always _listen_** first\n\nuse ``a`b`` then\\\nnext\n');
  });

  it('escapes Markdown syntax and raw HTML in text, so <script> stays text', () => {
    expect(markdown([p(t('<script>alert(1)</script> *not bold* [x] #1 | a_b'))])).toBe(
      '\\<script\\>alert(1)\\</script\\> \\*not bold\\* \\[x\\] \\#1 \\| a\\_b\n',
    );
    expect(markdown([p(t('- not a list')), p(t('1. not a list')), p(t('> not a quote'))])).toBe(
      '\\- not a list\n\n1\\. not a list\n\n\\> not a quote\n',
    );
  });

  it('keeps safe links and drops javascript: links but keeps their text', () => {
    expect(
      markdown([
        p(
          t('guide', { type: 'link', attrs: { href: 'https://example.org/a b(c)' } }),
          t(' and '),
          t('trap', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        ),
      ]),
    ).toBe('[guide](https://example.org/a%20b%28c%29) and trap\n');
  });

  it('renders nested, ordered and task lists', () => {
    expect(
      markdown([
        {
          type: 'bulletList',
          content: [li(p(t('one')), { type: 'bulletList', content: [li(p(t('inner')))] }), li(p(t('two')))],
        },
        { type: 'orderedList', attrs: { start: 9 }, content: [li(p(t('nine'))), li(p(t('ten')))] },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [p(t('agreed'))] },
            { type: 'taskItem', attrs: { checked: false }, content: [p(t('to do'))] },
          ],
        },
      ]),
    ).toBe('- one\n  - inner\n- two\n\n9. nine\n10. ten\n\n- [x] agreed\n- [ ] to do\n');
  });

  it('renders tables, quotes, code blocks and rules', () => {
    expect(
      markdown([
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [p(t('Organisation'))] },
                { type: 'tableHeader', content: [p(t('People'))] },
              ],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [p(t('North|East'))] },
                { type: 'tableCell', content: [p(t('3'))] },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [p(t('what we heard')), p(t('more'))] },
        { type: 'codeBlock', attrs: { language: 'text' }, content: [t('```\nraw <b>')] },
        { type: 'horizontalRule' },
      ]),
    ).toBe(
      '| Organisation | People |\n| --- | --- |\n| North\\|East | 3 |\n\n> what we heard\n>\n> more\n\n````text\n```\nraw <b>\n````\n\n---\n',
    );
  });
});
