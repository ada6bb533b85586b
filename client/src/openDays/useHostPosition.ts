import { useEffect, useRef } from 'react';
import { documentHeadings, headingIdOf, headingIndexOf, headingText } from './documentHeadings.ts';

/** How long the caret must stay in a section before it is sent: typing a heading sends it once, not per letter. */
const SETTLE_MS = 300;

/**
 * Watches the host's caret in the live document and reports the id of the heading it is under, once it has settled
 * there, so followers receive a position per section rather than per keystroke.
 */
export function useHostPosition(report: (headingId: string) => void, enabled: boolean): void {
  const reportRef = useRef(report);
  useEffect(() => {
    reportRef.current = report;
  });
  useEffect(() => {
    if (!enabled) return;
    let last: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const anchor = document.getSelection()?.anchorNode;
      if (!anchor || !anchor.parentElement?.closest('.document-editor__content')) return;
      const headings = documentHeadings();
      const index = headingIndexOf(anchor, headings);
      const heading = headings[index];
      if (!heading) return;
      const id = headingIdOf(index, headingText(heading));
      clearTimeout(timer);
      if (id === last) return;
      timer = setTimeout(() => {
        last = id;
        reportRef.current(id);
      }, SETTLE_MS);
    };
    document.addEventListener('selectionchange', check);
    // Typing changes the heading's words without always moving the selection: check on input too.
    document.addEventListener('input', check);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', check);
      document.removeEventListener('input', check);
    };
  }, [enabled]);
}
