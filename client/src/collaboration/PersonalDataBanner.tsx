import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { personalDataWarnings, type PersonalDataWarning } from '@common-ground/shared';

const DEBOUNCE_MS = 800;

/**
 * Warns, without blocking, when the document's text looks like it may identify a child or family. Checks the text a
 * moment after typing pauses.
 */
export function PersonalDataBanner({ editor }: { editor: Editor }) {
  const [warnings, setWarnings] = useState<PersonalDataWarning[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () => setWarnings(personalDataWarnings(editor.getText({ blockSeparator: '\n' }))),
        DEBOUNCE_MS,
      );
    };
    check();
    editor.on('update', check);
    return () => {
      clearTimeout(timer);
      editor.off('update', check);
    };
  }, [editor]);

  const kinds = [...new Map(warnings.map((warning) => [warning.kind, warning])).values()];
  return (
    <div aria-live="polite">
      {kinds.length ? (
        <div className="warning-text" data-testid="personal-data-warning">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <div>
            <strong>
              <span className="visually-hidden">Warning: </span>
              This looks like it may identify a child or family. Please remove names, dates of birth,
              addresses and other details before others read it.
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
    </div>
  );
}
