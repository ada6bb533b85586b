import { forwardRef } from 'react';
import type { PersonalDataWarning } from '@common-ground/shared';

/**
 * The personal-data warning shown before text that may identify a child is sent: what looked like personal data,
 * with "Send anyway" and "Change the text". It takes focus when it appears (the caller focuses it by ref).
 */
export const PersonalDataCheck = forwardRef<
  HTMLDivElement,
  {
    id: string;
    warnings: PersonalDataWarning[];
    busy: boolean;
    sendLabel: string;
    onSend(): void;
    onChange(): void;
  }
>(function PersonalDataCheck({ id, warnings, busy, sendLabel, onSend, onChange }, ref) {
  return (
    <div
      className="open-day-warning focus-target"
      role="group"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={`${id}-title`}
      data-testid="personal-data-warning"
    >
      <strong id={`${id}-title`}>This may be personal data about a child.</strong>
      <p>Questions are read by the host and may be shown to everyone at the open day.</p>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.kind}:${warning.match}`}>
            {warning.message} (“{warning.match}”)
          </li>
        ))}
      </ul>
      <div className="question-actions">
        <button type="button" className="button button-warning" disabled={busy} onClick={onSend}>
          {sendLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onChange}>
          Change the text
        </button>
      </div>
    </div>
  );
});
