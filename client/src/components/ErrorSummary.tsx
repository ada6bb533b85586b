import { useEffect, useRef, type MouseEvent } from 'react';
import type { FormErrors } from '../hooks/useFormErrors.ts';

/**
 * The GOV.UK-style error summary at the top of a form: one link per field error, focused after each failed
 * submit so screen-reader and keyboard users land on it.
 */
export function ErrorSummary({
  errors,
  fieldIds,
  labels,
}: {
  errors: FormErrors;
  /** Maps a field name to the id of its control, so each link moves focus to the right place. */
  fieldIds: Record<string, string>;
  /** Readable names for fields, used when the server names a field the form shows under another label. */
  labels?: Record<string, string>;
}) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const shown = entries.length > 0 || errors.general !== null;

  useEffect(() => {
    if (errors.attempt > 0) box.current?.focus();
  }, [errors.attempt]);

  if (!shown) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    // No role="alert": it takes focus, which reads it, and an alert as well would read it twice (as in GOV.UK Frontend).
    <div className="error-summary" tabIndex={-1} ref={box}>
      <h2 id="error-summary-title">There is a problem</h2>
      {errors.general ? <p>{errors.general}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([field, message]) => {
            const id = fieldIds[field];
            const text = labels?.[field] && !id ? `${labels[field]}: ${message}` : message;
            return (
              <li key={field}>
                {id ? (
                  <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
