import { useEffect, useRef } from 'react';
import { documentHeadings, headingIdOf, headingIndexOf } from './documentHeadings.ts';

/**
 * Watches the host's caret in the live document and reports the id of the heading it is under, only when that
 * heading changes, so followers receive a position per section rather than per keystroke.
 */
export function useHostPosition(report: (headingId: string) => void, enabled: boolean): void {
  const last = useRef<string | null>(null);
  const reportRef = useRef(report);
  useEffect(() => {
    reportRef.current = report;
  });
  useEffect(() => {
    if (!enabled) return;
    const check = () => {
      const anchor = document.getSelection()?.anchorNode;
      if (!anchor || !anchor.parentElement?.closest('.document-editor__content')) return;
      const headings = documentHeadings();
      const index = headingIndexOf(anchor, headings);
      const heading = headings[index];
      if (!heading) return;
      const id = headingIdOf(index, heading.textContent ?? '');
      if (id === last.current) return;
      last.current = id;
      reportRef.current(id);
    };
    document.addEventListener('selectionchange', check);
    return () => document.removeEventListener('selectionchange', check);
  }, [enabled]);
}
