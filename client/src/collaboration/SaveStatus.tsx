import { useEffect, useState } from 'react';
import { SAVE_STATE_LABELS, isAnnounced, type SaveState } from './saveStatus.ts';

const ANNOUNCE_AFTER_MS = 1500;

/**
 * Shows the save state at once, and announces it politely only once it has settled and only when it matters, so a
 * screen reader is not interrupted on every keystroke.
 */
export function SaveStatus({ state }: { state: SaveState }) {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (!isAnnounced(state)) return;
    const timer = setTimeout(() => setAnnounced(SAVE_STATE_LABELS[state]), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <p className={`save-status save-status--${state}`} data-testid="save-status">
        {SAVE_STATE_LABELS[state]}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
    </>
  );
}
