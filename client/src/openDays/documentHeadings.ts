import { OPEN_DAY_LIMITS } from '@common-ground/shared';

/** The selector for headings inside the live document, in document order. */
const HEADINGS = '.document-editor__content :is(h1, h2, h3, h4, h5, h6)';

/** The live document's headings, in order. */
export function documentHeadings(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(HEADINGS)];
}

/** A heading's own words, without the carets (and their names) of people whose cursor is in it. */
export function headingText(heading: HTMLElement): string {
  const copy = heading.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
  return (copy.textContent ?? '').trim();
}

const slugOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A heading's id as host and followers agree on it: its position and its words (`h2-what-it-took`). Tiptap headings
 * carry no ids of their own, and either half alone breaks when someone adds or renames a heading meanwhile.
 */
export function headingIdOf(index: number, text: string): string {
  const id = `h${index}-${slugOf(text)}`.replace(/-$/, '');
  return id.slice(0, OPEN_DAY_LIMITS.headingIdLength);
}

/**
 * The index of the heading whose section holds `node` (the last heading at or before it), or -1 when the node is
 * before every heading or outside the document.
 */
export function headingIndexOf(node: Node, headings: HTMLElement[] = documentHeadings()): number {
  let found = -1;
  headings.forEach((heading, index) => {
    if (heading === node || heading.contains(node)) found = index;
    else if (heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) found = index;
  });
  return found;
}

/** The heading a heading id names: the same id, else the same words anywhere, else the same position. */
export function findHeading(headingId: string): HTMLElement | null {
  const headings = documentHeadings();
  const ids = headings.map((heading, index) => headingIdOf(index, headingText(heading)));
  const exact = ids.indexOf(headingId);
  if (exact >= 0) return headings[exact] ?? null;
  const match = /^h(\d+)(?:-(.*))?$/.exec(headingId);
  if (!match) return null;
  const slug = match[2] ?? '';
  const sameWords = slug ? ids.findIndex((id) => id.replace(/^h\d+-?/, '') === slug) : -1;
  if (sameWords >= 0) return headings[sameWords] ?? null;
  return headings[Number(match[1])] ?? null;
}

/** Scrolls a heading into view without moving keyboard focus, gently unless the reader asked for less motion. */
export function scrollHeadingIntoView(heading: HTMLElement): void {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  heading.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}
