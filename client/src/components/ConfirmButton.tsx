import { useEffect, useRef, useState, type ReactNode } from 'react';

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
  /** If this removes the row, focus a status message or heading here: focus then stays where it was put. */
  onConfirm(): Promise<void> | void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // The confirm step's buttons vanish when it ends, so focus goes back to the button that opened it (WCAG 2.4.3).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking || !returnFocus.current) return;
    returnFocus.current = false;
    trigger.current?.focus();
  }, [asking]);
  const group = useRef<HTMLSpanElement>(null);
  const stopAsking = () => {
    // Unless the caller already moved focus on purpose (e.g. to a status message), return it to the trigger.
    const active = document.activeElement;
    returnFocus.current = !active || active === document.body || !!group.current?.contains(active);
    setAsking(false);
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      stopAsking();
    }
  };
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" ref={trigger} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} ref={group}>
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
      <button type="button" className="button button-secondary" onClick={stopAsking}>
        Cancel
      </button>
    </span>
  );
}
