import { useState, type ReactNode } from 'react';

/** A destructive button that asks "Are you sure?" inline before acting, keyboard friendly and without a dialog. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
}: {
  /** The button text, e.g. "Remove <span class=visually-hidden>Sam</span>". */
  label: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void> | void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>{' '}
      <button
        type="button"
        className="button button-warning"
        disabled={busy}
        ref={(node) => node?.focus()}
        onClick={() => void confirm()}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
