import * as Y from 'yjs';
import {
  flatTextOf,
  MAX_RENDER_DEPTH,
  numberAttribute,
  plainTextOf,
  safeHref,
  textOfDelta,
  textRunsOf,
  type RunMarks,
  type TextRun,
} from '../documentContent/textRuns.ts';

/** Renders the document body (`Y.XmlFragment` `content`, Tiptap node names) as CommonMark with GFM tables and task lists. */
export function documentToMarkdown(fragment: Y.XmlFragment): string {
  const text = blocksMarkdown(fragment.toArray());
  return text ? `${text}\n` : '';
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

function blocksMarkdown(nodes: Node[], depth = 0): string {
  return nodes
    .map((node) => blockMarkdown(node, depth))
    .filter((block) => block !== '')
    .join('\n\n');
}

function blockMarkdown(node: Node, depth: number): string {
  if (node instanceof Y.XmlText) return escapeLineStarts(escapeMarkdown(textOfDelta(node)));
  if (!(node instanceof Y.XmlElement)) return '';
  if (depth >= MAX_RENDER_DEPTH) return escapeLineStarts(escapeMarkdown(flatTextOf(node)));
  switch (node.nodeName) {
    case 'paragraph':
      return inlineMarkdown(textRunsOf(node, depth));
    case 'heading': {
      const text = inlineMarkdown(textRunsOf(node, depth)).replace(/\n/g, ' ');
      return text ? `${'#'.repeat(numberAttribute(node, 'level', 2, 1, 6))} ${text}` : '';
    }
    case 'bulletList':
      return listMarkdown(node, depth, () => '- ');
    case 'orderedList': {
      const start = numberAttribute(node, 'start', 1, 0, 1_000_000);
      return listMarkdown(node, depth, (index) => `${start + index}. `);
    }
    case 'taskList':
      return listMarkdown(node, depth, (_index, item) => (isChecked(item) ? '- [x] ' : '- [ ] '));
    case 'blockquote':
      return prefixLines(blocksMarkdown(node.toArray(), depth + 1), '> ', '> ');
    case 'codeBlock': {
      const code = node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? textOfDelta(child) : ''))
        .join('');
      const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
      const language = String(node.getAttribute('language') ?? '').replace(/[^a-z0-9+#-]/gi, '');
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    case 'table':
      return tableMarkdown(node);
    default:
      return blocksMarkdown(node.toArray(), depth + 1);
  }
}

function listMarkdown(
  list: Y.XmlElement,
  depth: number,
  marker: (index: number, item: Y.XmlElement) => string,
): string {
  const items = list.toArray().filter((item): item is Y.XmlElement => item instanceof Y.XmlElement);
  return items
    .map((item, index) => {
      const prefix = marker(index, item);
      const children = item.toArray();
      const body = children
        .map((child, i) => {
          const text = blockMarkdown(child, depth + 2);
          if (i === 0) return text;
          const nested = child instanceof Y.XmlElement && /List$/.test(child.nodeName);
          return `${nested ? '\n' : '\n\n'}${text}`;
        })
        .join('');
      return prefixLines(body, prefix, ' '.repeat(prefix.length));
    })
    .join('\n');
}

function tableMarkdown(table: Y.XmlElement): string {
  const rows = table
    .toArray()
    .filter((row): row is Y.XmlElement => row instanceof Y.XmlElement)
    .map((row) =>
      row
        .toArray()
        .filter((cell): cell is Y.XmlElement => cell instanceof Y.XmlElement)
        .map((cell) => escapeMarkdown(plainTextOf(cell).replace(/\s+/g, ' '))),
    );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((row) => row.length), 1);
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** Emits marked runs, opening and closing delimiters only where marks change and keeping spaces outside them. */
function inlineMarkdown(runs: TextRun[]): string {
  let out = '';
  let open: OpenMark[] = [];
  let pendingSpace = '';
  const close = (keep: number): void => {
    for (const mark of open.slice(keep).reverse()) out += mark.close;
    open = open.slice(0, keep);
  };
  for (const run of runs) {
    if (run.kind === 'break') {
      close(0);
      out += `${pendingSpace}\\\n`;
      pendingSpace = '';
      continue;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
    const [lead = '', core = '', trail = ''] = match ? match.slice(1) : ['', run.text, ''];
    if (core === '') {
      pendingSpace += run.text;
      continue;
    }
    const wanted = marksToOpen(run.marks);
    let same = 0;
    while (same < open.length && same < wanted.length && open[same]?.key === wanted[same]?.key) same += 1;
    close(same);
    out += pendingSpace + lead;
    for (const mark of wanted.slice(same)) out += mark.open;
    open = wanted;
    out += run.marks.code ? codeSpan(core) : escapeMarkdown(core);
    pendingSpace = trail;
  }
  close(0);
  out += pendingSpace;
  return escapeLineStarts(out.trim() === '' ? '' : out);
}

interface OpenMark {
  key: string;
  open: string;
  close: string;
}

/** Outermost first, so a link wraps its emphasis and `**` never straddles `_`. */
function marksToOpen(marks: RunMarks): OpenMark[] {
  const result: OpenMark[] = [];
  const href = safeHref(marks.link);
  if (href) result.push({ key: `link:${href}`, open: '[', close: `](${encodeLinkTarget(href)})` });
  if (marks.bold) result.push({ key: 'bold', open: '**', close: '**' });
  if (marks.italic) result.push({ key: 'italic', open: '_', close: '_' });
  if (marks.strike) result.push({ key: 'strike', open: '~~', close: '~~' });
  return result;
}

function codeSpan(text: string): string {
  const ticks = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Backslash-escapes every character Markdown could read as syntax or raw HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/** Escapes what only matters at the start of a line: block quotes, lists, headings, rules. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

function encodeLinkTarget(href: string): string {
  return href.replace(
    /[()<>\s\\]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first : line === '' ? rest.trimEnd() : rest) + line)
    .join('\n');
}

function longestRun(text: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

function isChecked(item: Y.XmlElement): boolean {
  const checked = item.getAttribute('checked') as unknown;
  return checked === true || checked === 'true';
}
