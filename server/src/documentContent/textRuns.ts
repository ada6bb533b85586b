import * as Y from 'yjs';
import { COLLAB_LIMITS } from '@common-ground/shared';

/**
 * How deep the converters follow nested elements. The collaboration server refuses deeper content, but a document
 * stored before it did may nest far deeper than any call stack: below this depth its text is kept, flattened.
 */
export const MAX_RENDER_DEPTH = COLLAB_LIMITS.maxNestingDepth;

/** The inline marks the converters understand; anything else is dropped, keeping its text. */
export interface RunMarks {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  underline: boolean;
  code: boolean;
  /** A link's target as stored; callers must pass it through {@link safeHref} before use. */
  link: string | null;
}

/** A stretch of text with one set of marks, or a hard line break inside a block. */
export type TextRun = { kind: 'text'; text: string; marks: RunMarks } | { kind: 'break' };

/** Unmarked text. */
export const NO_MARKS: RunMarks = {
  bold: false,
  italic: false,
  strike: false,
  underline: false,
  code: false,
  link: null,
};

/** Turns a block's inline children (Y.XmlText with formatting attributes, hardBreak elements) into runs. */
export function textRunsOf(block: Y.XmlElement | Y.XmlFragment, depth = 0): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        runs.push({ kind: 'text', text: op.insert, marks: marksOf(op.attributes) });
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      runs.push({ kind: 'break' });
    } else if (child instanceof Y.XmlElement && depth >= MAX_RENDER_DEPTH) {
      runs.push({ kind: 'text', text: flatTextOf(child), marks: NO_MARKS });
    } else if (child instanceof Y.XmlElement) {
      runs.push(...textRunsOf(child, depth + 1));
    }
  }
  return runs;
}

/** Plain text of any node, blocks separated by spaces; used for summaries and table cells. */
export function plainTextOf(node: Y.XmlElement | Y.XmlFragment | Y.XmlText, depth = 0): string {
  if (node instanceof Y.XmlText) return textOfDelta(node);
  if (depth >= MAX_RENDER_DEPTH) return flatTextOf(node);
  const parts: string[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') parts.push('\n');
    else if (child instanceof Y.XmlText) parts.push(textOfDelta(child));
    else if (child instanceof Y.XmlElement) parts.push(` ${plainTextOf(child, depth + 1)} `);
  }
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * The text of a node at any depth, blocks separated by spaces, walked with an explicit stack rather than recursion
 * (for content nested deeper than {@link MAX_RENDER_DEPTH}).
 */
export function flatTextOf(node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook): string {
  const parts: string[] = [];
  const stack: Array<Y.XmlFragment | Y.XmlText | Y.XmlHook | string> = [node];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') parts.push(item);
    else if (item instanceof Y.XmlText) parts.push(textOfDelta(item));
    else if (item instanceof Y.XmlElement && item.nodeName === 'hardBreak') parts.push('\n');
    else if (item instanceof Y.XmlFragment) {
      const children = item.toArray();
      stack.push(' ');
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
      stack.push(' ');
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The characters of a Y.XmlText without its formatting. */
export function textOfDelta(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** y-prosemirror stores marks as formatting attributes named after the mark (`bold`, or `name--hash` if overlapping). */
function marksOf(attributes: Record<string, unknown> | undefined): RunMarks {
  if (!attributes) return NO_MARKS;
  const marks: RunMarks = { ...NO_MARKS };
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const name = key.split('--')[0];
    if (name === 'bold' || name === 'italic' || name === 'strike' || name === 'underline' || name === 'code')
      marks[name] = true;
    if (name === 'link') {
      const href = (value as { href?: unknown }).href;
      marks.link = typeof href === 'string' ? href : null;
    }
  }
  return marks;
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The link target if it is safe to follow (http, https, mailto, or a same-site path or anchor), otherwise null. */
export function safeHref(href: string | null): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if ([...trimmed].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f))
    return null;
  // Browsers read a backslash as a slash, so `/\evil.test` would leave the site like `//evil.test`.
  if (/^#/.test(trimmed) || (/^\/(?![/\\])/.test(trimmed) && !trimmed.includes('\\'))) return trimmed;
  try {
    const url = new URL(trimmed);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A numeric node attribute (heading level, list start), clamped to a range. */
export function numberAttribute(
  element: Y.XmlElement,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = Number(element.getAttribute(name) as unknown);
  if (!Number.isFinite(raw)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(raw)));
}
