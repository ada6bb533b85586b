/** What this browser last knew about its session: a hint for which question to ask, never a permission. */
export type SessionHint = 'user' | 'visitor' | null;

const KEY = 'cg_session_hint';

/** Reads the hint; null when this browser has no session as far as it knows (or storage is unavailable). */
export function readSessionHint(): SessionHint {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'user' || value === 'visitor' ? value : null;
  } catch {
    return null;
  }
}

/** Stores the hint after the server answered who this is; null forgets it. */
export function writeSessionHint(hint: SessionHint): void {
  try {
    if (hint) localStorage.setItem(KEY, hint);
    else localStorage.removeItem(KEY);
  } catch {
    // Private browsing can refuse storage: the app then simply asks the server every time.
  }
}
