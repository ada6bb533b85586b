/**
 * Signals that this browser's access just ended, from whichever channel noticed first: the collaboration socket
 * closing with `passRevoked`, the discussion socket's `room:access` with no role, or an API call answering 401.
 * SessionProvider listens; it ends a visitor's visit at once and ignores the signal for anyone else.
 */
const endings = new EventTarget();
const ENDED = 'access-ended';
// Set when this person signs out or leaves: the sockets then close as a revoked pass's do, but nothing has ended on
// them. A full page load follows, which clears it.
let leaving = false;

/** Says that the server no longer accepts this browser's session or pass. */
export function announceAccessEnded(): void {
  if (!leaving) endings.dispatchEvent(new Event(ENDED));
}

/** Records that the person is signing out or leaving the visit on purpose, so it is not shown as a visit that ended. */
export function leavingOnPurpose(): void {
  leaving = true;
  rememberVisit(null);
}

/** Calls `listener` whenever access ends; returns the unsubscribe function. */
export function onAccessEnded(listener: () => void): () => void {
  endings.addEventListener(ENDED, listener);
  return () => endings.removeEventListener(ENDED, listener);
}

const STORAGE_KEY = 'common-ground:visit';

/** The open day this tab is visiting, kept for the tab's life so a reload after the pass ends can say so. */
export interface VisitMarker {
  roomId: string;
  title: string;
}

/** Remembers (or, with null, forgets) the open day this tab is visiting. */
export function rememberVisit(marker: VisitMarker | null): void {
  try {
    if (marker) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(marker));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be refused (private windows); the end page then shows only until a reload.
  }
}

/** The open day this tab was visiting, if any. */
export function rememberedVisit(): VisitMarker | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as VisitMarker).roomId === 'string' &&
      typeof (parsed as VisitMarker).title === 'string'
    )
      return parsed as VisitMarker;
  } catch {
    // Unreadable: treat as no visit.
  }
  return null;
}
