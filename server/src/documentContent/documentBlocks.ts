import * as Y from 'yjs';
import type { DocumentSectionChange } from '@common-ground/shared';
import { flatTextOf, MAX_RENDER_DEPTH, plainTextOf } from './textRuns.ts';

/** One text block of a document and the heading of the section it sits in. */
export interface DocumentBlock {
  section: string;
  text: string;
}

const MAX_BLOCKS = 2000;
const MAX_BLOCK_CHARS = 1000;
const MAX_EXCERPTS = 5;
const MAX_SECTIONS = 50;
const EXCERPT_CHARS = 140;
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** Flattens the document body into text blocks, each labelled with the heading above it, for comparing versions. */
export function documentBlocks(fragment: Y.XmlFragment): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let section = '';
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, depth: number): void => {
    if (blocks.length >= MAX_BLOCKS || !(node instanceof Y.XmlElement)) return;
    if (depth >= MAX_RENDER_DEPTH) {
      const text = flatTextOf(node).slice(0, MAX_BLOCK_CHARS);
      if (text) blocks.push({ section, text });
      return;
    }
    if (node.nodeName === 'heading') section = plainTextOf(node).slice(0, MAX_BLOCK_CHARS);
    if (TEXT_BLOCKS.has(node.nodeName)) {
      const text = plainTextOf(node).slice(0, MAX_BLOCK_CHARS);
      if (text) blocks.push({ section, text });
    } else if (node.nodeName === 'tableRow') {
      const cells = node.toArray().map((cell) => (cell instanceof Y.XmlElement ? plainTextOf(cell) : ''));
      const text = cells.join(' | ').slice(0, MAX_BLOCK_CHARS);
      if (text.replace(/[\s|]/g, '')) blocks.push({ section, text });
    } else if (node.nodeName === 'taskItem') {
      const checked = (node.getAttribute('checked') as unknown) === true;
      const own = node
        .toArray()
        .filter((child) => child instanceof Y.XmlElement && TEXT_BLOCKS.has(child.nodeName))
        .map((child) => plainTextOf(child as Y.XmlElement))
        .join(' ');
      if (own)
        blocks.push({ section, text: `${checked ? '[done]' : '[to do]'} ${own}`.slice(0, MAX_BLOCK_CHARS) });
      for (const child of node.toArray())
        if (child instanceof Y.XmlElement && !TEXT_BLOCKS.has(child.nodeName)) visit(child, depth + 1);
    } else {
      for (const child of node.toArray()) visit(child, depth + 1);
    }
  };
  for (const node of fragment.toArray()) visit(node, 0);
  return blocks;
}

/** Compares two block lists section by section: which sections are new, gone, or have blocks added or removed. */
export function summariseChanges(before: DocumentBlock[], after: DocumentBlock[]): DocumentSectionChange[] {
  const beforeSections = groupBySection(before);
  const afterSections = groupBySection(after);
  const changes: DocumentSectionChange[] = [];
  const keys = [
    ...afterSections.keys(),
    ...[...beforeSections.keys()].filter((key) => !afterSections.has(key)),
  ];
  for (const key of keys) {
    const old = beforeSections.get(key);
    const now = afterSections.get(key);
    const heading = (now ?? old)?.heading ?? '';
    const added = withoutMatches(now?.texts ?? [], old?.texts ?? []);
    const removed = withoutMatches(old?.texts ?? [], now?.texts ?? []);
    if (!old && now) changes.push({ heading, change: 'added', added: excerpts(added), removed: [] });
    else if (old && !now) changes.push({ heading, change: 'removed', added: [], removed: excerpts(removed) });
    else if (added.length || removed.length)
      changes.push({ heading, change: 'changed', added: excerpts(added), removed: excerpts(removed) });
    if (changes.length >= MAX_SECTIONS) break;
  }
  return changes;
}

function groupBySection(blocks: DocumentBlock[]): Map<string, { heading: string; texts: string[] }> {
  const sections = new Map<string, { heading: string; texts: string[] }>();
  const seen = new Map<string, number>();
  let current = '\u0000start';
  let currentKey = '';
  for (const block of blocks) {
    if (block.section !== current) {
      current = block.section;
      // Two sections with the same heading are told apart by their order.
      const occurrence = (seen.get(block.section) ?? 0) + 1;
      seen.set(block.section, occurrence);
      currentKey = `${occurrence}\u0000${block.section}`;
    }
    const section = sections.get(currentKey) ?? { heading: block.section, texts: [] };
    // The heading block itself names the section; a renamed heading shows as a removed and an added section.
    const isHeading = block.text === block.section && !sections.has(currentKey);
    if (!isHeading) section.texts.push(block.text);
    sections.set(currentKey, section);
  }
  return sections;
}

/** The texts of `from` that have no counterpart in `other`, counting duplicates. */
function withoutMatches(from: string[], other: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const text of other) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  return from.filter((text) => {
    const count = remaining.get(text) ?? 0;
    if (count === 0) return true;
    remaining.set(text, count - 1);
    return false;
  });
}

function excerpts(texts: string[]): string[] {
  return texts
    .slice(0, MAX_EXCERPTS)
    .map((text) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text));
}
