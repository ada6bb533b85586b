import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentToHtml, htmlPage } from './documentToHtml.ts';
import { writeJsonContent, type JsonNode } from '../../../test/support/writeJsonContent.ts';

function html(nodes: JsonNode[]): string {
  const doc = new Y.Doc();
  writeJsonContent(doc.getXmlFragment('content'), nodes);
  return documentToHtml(doc.getXmlFragment('content'));
}

const p = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: JsonNode['marks'] & object): JsonNode => ({ type: 'text', text, marks });

describe('documentToHtml', () => {
  it('renders headings, paragraphs and marks with Tiptap node names', () => {
    expect(
      html([
        { type: 'heading', attrs: { level: 2 }, content: [t('Vision')] },
        p(
          t('A '),
          t('clear', { type: 'bold' }),
          t(' and '),
          t('shared', { type: 'italic' }, { type: 'strike' }),
          t(' aim'),
        ),
        p(t('call '), t('run()', { type: 'code' }), { type: 'hardBreak' }, t('next line')),
      ]),
    ).toBe(
      '<h2>Vision</h2>\n<p>A <strong>clear</strong> and <em><s>shared</s></em> aim</p>\n<p>call <code>run()</code><br>next line</p>',
    );
  });

  it('escapes text so a <script> stays text', () => {
    const out = html([p(t('<script>alert("x")</script> & \'quotes\''))]);
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>');
    expect(out).not.toContain('<script');
  });

  it('keeps safe links and drops javascript: and data: links but keeps their text', () => {
    const out = html([
      p(
        t('safe', { type: 'link', attrs: { href: 'https://example.org/a?b=1&c="2"' } }),
        t(' bad', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        t(' worse', { type: 'link', attrs: { href: ' JaVaScRiPt:alert(1)' } }),
        t(' data', { type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }),
      ),
    ]);
    expect(out).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">safe</a> bad worse data</p>',
    );
    expect(out.toLowerCase()).not.toContain('javascript');
  });

  it('keeps same-site paths but not ones a browser would read as another site', () => {
    const out = html([
      p(
        t('home', { type: 'link', attrs: { href: '/rooms/abc' } }),
        t(' slashes', { type: 'link', attrs: { href: '//evil.test/x' } }),
        t(' backslash', { type: 'link', attrs: { href: '/\\evil.test/x' } }),
        t(' mixed', { type: 'link', attrs: { href: '/rooms\\..\\..\\evil' } }),
      ),
    ]);
    expect(out).toBe(
      '<p><a href="/rooms/abc" rel="noopener noreferrer nofollow">home</a> slashes backslash mixed</p>',
    );
  });

  it('renders lists, task lists, tables, quotes, code blocks and rules', () => {
    const out = html([
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('one'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(t('three'))] }] },
      {
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { checked: true }, content: [p(t('done'))] },
          { type: 'taskItem', attrs: { checked: false }, content: [p(t('todo'))] },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [p(t('Who'))] }],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(t('A'))] },
              { type: 'tableCell', content: [p(t('B'))] },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [p(t('quoted'))] },
      { type: 'codeBlock', attrs: { language: 'ts"><script>' }, content: [t('a < b')] },
      { type: 'horizontalRule' },
    ]);
    expect(out).toContain('<ul><li><p>one</p></li></ul>');
    expect(out).toContain('<ol start="3"><li><p>three</p></li></ol>');
    expect(out).toContain(
      'data-checked="true"><span class="task-mark" role="img" aria-label="Done">☑</span> <p>done</p>',
    );
    expect(out).toContain('aria-label="Not done"');
    expect(out).toContain(
      '<table><tbody><tr><th colspan="2"><p>Who</p></th></tr><tr><td><p>A</p></td><td><p>B</p></td></tr></tbody></table>',
    );
    expect(out).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(out).toContain('<pre><code class="language-tsscript">a &lt; b</code></pre>');
    expect(out).toContain('<hr>');
  });

  it('clamps heading levels to h1–h6', () => {
    expect(html([{ type: 'heading', attrs: { level: 9 }, content: [t('x')] }])).toBe('<h6>x</h6>');
  });

  it('wraps a body in a page whose title is escaped and whose policy forbids scripts', () => {
    const page = htmlPage('Notes <b>&</b>', '<p>x</p>');
    expect(page).toContain('<title>Notes &lt;b&gt;&amp;&lt;/b&gt;</title>');
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('<p>x</p>');
  });
});
