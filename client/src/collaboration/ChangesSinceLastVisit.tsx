import { formatDateTime } from '../components/formatDateTime.ts';
import { useEffect, useState } from 'react';
import type { DocumentChanges } from '@common-ground/shared';
import { documentsApi } from '../api/documents.ts';

const CHANGE_WORDS = { added: 'New section', removed: 'Section removed', changed: 'Changed' } as const;

/** Summarises what changed since this person last opened the document, then records this visit. */
export function ChangesSinceLastVisit({ documentId }: { documentId: string }) {
  const [changes, setChanges] = useState<DocumentChanges | null>(null);
  useEffect(() => {
    let cancelled = false;
    const record = (): void => {
      documentsApi.recordVisit(documentId, { leaving: true }).catch(() => undefined);
    };
    documentsApi
      .changesSinceLastVisit(documentId)
      .then((result) => {
        if (cancelled) return;
        setChanges(result);
        return documentsApi.recordVisit(documentId);
      })
      .catch(() => undefined);
    // Leaving records the visit again, so next time shows only what others changed after this session.
    window.addEventListener('pagehide', record);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', record);
    };
  }, [documentId]);

  if (!changes?.changed || !changes.lastVisitAt) return null;
  const when = formatDateTime(changes.lastVisitAt);
  return (
    <details className="changes-since" data-testid="changes-since-last-visit">
      <summary>
        What changed since your last visit ({when}): {changes.sections.length}{' '}
        {changes.sections.length === 1 ? 'section' : 'sections'}
      </summary>
      <ul>
        {changes.sections.map((section, index) => (
          <li key={index}>
            <strong>
              {CHANGE_WORDS[section.change]}: {section.heading || 'Opening text'}
            </strong>
            {section.added.length ? (
              <ul aria-label="Added">
                {section.added.map((text, i) => (
                  <li key={i}>Added: {text}</li>
                ))}
              </ul>
            ) : null}
            {section.removed.length ? (
              <ul aria-label="Removed">
                {section.removed.map((text, i) => (
                  <li key={i}>Removed: {text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
