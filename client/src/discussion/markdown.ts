/** Inline pieces of a message: text, bold, italic, inline code and http(s) links. Nothing else is ever produced. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

/** Blocks of a message: paragraphs and lists. */
export type Block =
  { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

const LIST_ITEM = /^\s*(?:([-*])|(\d{1,3})[.)])\s+(.*)$/;

/**
 * Parses the discussion's Markdown subset into a small tree the panel renders as React elements, so text is always
 * escaped and no HTML from a message ever reaches the page. Unknown syntax stays as plain text.
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    list = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const item = LIST_ITEM.exec(line);
    if (!line.trim()) flush();
    else if (item) {
      const ordered = item[2] !== undefined;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? '');
    } else if (list) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

const INLINE =
  /`([^`\n]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|_([^_\s](?:[^_]*[^_\s])?)_|\[([^\]\n]+)\]\(([^)\s]+)\)/;

/** Parses inline Markdown; links survive only with an http or https address. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ type: 'text', text: rest.slice(0, match.index) });
    const [whole, code, strong1, strong2, em1, em2, label, href] = match;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (strong1 !== undefined || strong2 !== undefined)
      out.push({ type: 'strong', children: parseInline(strong1 ?? strong2 ?? '') });
    else if (em1 !== undefined || em2 !== undefined)
      out.push({ type: 'em', children: parseInline(em1 ?? em2 ?? '') });
    else if (label !== undefined && href !== undefined) {
      out.push(
        safeHref(href) ? { type: 'link', href, children: parseInline(label) } : { type: 'text', text: whole },
      );
    }
    rest = rest.slice(match.index + whole.length);
  }
  return merge(out);
}

function safeHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function merge(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === 'text' && last?.type === 'text') last.text += inline.text;
    else out.push(inline);
  }
  return out;
}
