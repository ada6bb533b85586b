import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { personalDataWarnings, type PersonalDataWarning } from '@common-ground/shared';

const DEBOUNCE_MS = 800;
const SUMMARY =
  'This looks like it may identify a child or family. Please remove names, dates of birth, addresses and other details before others read it.';

const kindsOf = (warnings: PersonalDataWarning[]) =>
  [...new Set(warnings.map((warning) => warning.kind))].sort().join(' ');

/**
 * Warns, without blocking, when the document's text looks like it may identify a child or family. Checks the text a
 * moment after typing pauses.
 */
export function PersonalDataBanner({ editor }: { editor: Editor }) {
  const [warnings, setWarnings] = useState<PersonalDataWarning[]>([]);
  // Only the summary is announced, and only when the kinds of warning change, not at every keystroke that changes a
  // matched word; emptying the region first makes a repeat of the same sentence heard again.
  const [announcement, setAnnouncement] = useState('');
  const announcedKinds = useRef('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const check = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const found = personalDataWarnings(editor.getText({ blockSeparator: '\n' }));
        setWarnings(found);
        const kinds = kindsOf(found);
        if (kinds === announcedKinds.current) return;
        announcedKinds.current = kinds;
        setAnnouncement('');
        cancelAnimationFrame(frame);
        if (kinds) frame = requestAnimationFrame(() => setAnnouncement(`Warning: ${SUMMARY}`));
      }, DEBOUNCE_MS);
    };
    check();
    editor.on('update', check);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      editor.off('update', check);
    };
  }, [editor]);

  const kinds = [...new Map(warnings.map((warning) => [warning.kind, warning])).values()];
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {kinds.length ? (
        <div className="warning-text" data-testid="personal-data-warning">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <div>
            <strong>
              <span className="visually-hidden">Warning: </span>
              {SUMMARY}
            </strong>
            <ul className="warning-text__reasons">
              {kinds.map((warning) => (
                <li key={warning.kind}>
                  {warning.message} (“{warning.match}”)
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </>
  );
}
