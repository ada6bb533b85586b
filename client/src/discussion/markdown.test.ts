import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('parses paragraphs, bold, italic, code and lists', () => {
    expect(parseMarkdown('Hello **there** and *you*\n\n- one\n- `two`\n\n1. first')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Hello ' },
          { type: 'strong', children: [{ type: 'text', text: 'there' }] },
          { type: 'text', text: ' and ' },
          { type: 'em', children: [{ type: 'text', text: 'you' }] },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'text', text: 'one' }], [{ type: 'code', text: 'two' }]],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }]] },
    ]);
  });

  it('keeps only http(s) links and leaves HTML as text', () => {
    expect(parseInline('[guide](https://example.org/a)')).toEqual([
      { type: 'link', href: 'https://example.org/a', children: [{ type: 'text', text: 'guide' }] },
    ]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([
      { type: 'text', text: '[x](javascript:alert(1))' },
    ]);
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});
