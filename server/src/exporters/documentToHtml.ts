import * as Y from 'yjs';
import {
  flatTextOf,
  MAX_RENDER_DEPTH,
  numberAttribute,
  safeHref,
  textOfDelta,
  textRunsOf,
  type TextRun,
} from '../documentContent/textRuns.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Renders the document body (`Y.XmlFragment` `content`, Tiptap node names) as escaped, script-free HTML. */
export function documentToHtml(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((node) => blockHtml(node))
    .filter(Boolean)
    .join('\n');
}

/** Wraps a document body in a standalone page for download, with a policy that forbids scripts. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,Arial,sans-serif;line-height:1.5;max-width:46em;margin:2em auto;padding:0 1em;color:#0b0c0c}',
    'table{border-collapse:collapse}th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:left;vertical-align:top}',
    'blockquote{border-left:4px solid #b1b4b6;margin-left:0;padding-left:1em}pre{background:#f3f2f1;padding:1em;overflow:auto}',
    'ul.task-list{list-style:none;padding-left:0}</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(node: Y.XmlElement | Y.XmlText | Y.XmlHook, depth = 0): string {
  if (node instanceof Y.XmlText) return `<p>${escapeHtml(textOfDelta(node))}</p>`;
  if (!(node instanceof Y.XmlElement)) return '';
  if (depth >= MAX_RENDER_DEPTH) return `<p>${escapeHtml(flatTextOf(node))}</p>`;
  const children = (): string =>
    node
      .toArray()
      .map((child) => blockHtml(child, depth + 1))
      .join('');
  switch (node.nodeName) {
    case 'paragraph':
      return `<p>${inlineHtml(textRunsOf(node, depth))}</p>`;
    case 'heading': {
      const level = numberAttribute(node, 'level', 2, 1, 6);
      return `<h${level}>${inlineHtml(textRunsOf(node, depth))}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${children()}</ul>`;
    case 'orderedList': {
      const start = numberAttribute(node, 'start', 1, 0, 1_000_000);
      return start === 1 ? `<ol>${children()}</ol>` : `<ol start="${start}">${children()}</ol>`;
    }
    case 'listItem':
      return `<li>${children()}</li>`;
    case 'taskList':
      return `<ul class="task-list">${children()}</ul>`;
    case 'taskItem': {
      const raw = node.getAttribute('checked') as unknown;
      const checked = raw === true || raw === 'true';
      const mark = checked
        ? '<span class="task-mark" role="img" aria-label="Done">☑</span>'
        : '<span class="task-mark" role="img" aria-label="Not done">☐</span>';
      return `<li class="task-item" data-checked="${checked}">${mark} ${children()}</li>`;
    }
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`;
    case 'codeBlock': {
      const language = String(node.getAttribute('language') ?? '').replace(/[^a-z0-9+#-]/gi, '');
      const text = node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? textOfDelta(child) : ''))
        .join('');
      return `<pre><code${language ? ` class="language-${language}"` : ''}>${escapeHtml(text)}</code></pre>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'table':
      return `<table><tbody>${children()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${children()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.nodeName === 'tableHeader' ? 'th' : 'td';
      const colspan = numberAttribute(node, 'colspan', 1, 1, 1000);
      const rowspan = numberAttribute(node, 'rowspan', 1, 1, 1000);
      const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
      return `<${tag}${attrs}>${children()}</${tag}>`;
    }
    default:
      // An unknown node (say, from a newer client) keeps its text rather than vanishing from the export.
      return children();
  }
}

/** Renders runs of marked text; every character passes through {@link escapeHtml}. */
function inlineHtml(runs: TextRun[]): string {
  return runs
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.marks.code) html = `<code>${html}</code>`;
      if (run.marks.strike) html = `<s>${html}</s>`;
      if (run.marks.underline) html = `<u>${html}</u>`;
      if (run.marks.italic) html = `<em>${html}</em>`;
      if (run.marks.bold) html = `<strong>${html}</strong>`;
      const href = safeHref(run.marks.link);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
      return html;
    })
    .join('');
}
