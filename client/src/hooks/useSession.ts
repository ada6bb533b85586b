import { createContext, useContext } from 'react';
import type { User, VisitResponse } from '@common-ground/shared';

/** Who is using this browser: not yet known, nobody, a user, an open-day visitor, or unknown (server unreachable). */
export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'user'; user: User }
  | { status: 'visitor'; visit: VisitResponse }
  | { status: 'unavailable'; message: string };

/** The open day whose visit ended in this tab (pass revoked or expired), so its room shows "This visit has ended". */
export interface EndedVisit {
  roomId: string;
  title: string;
}

/** The session plus ways to change it after signing in, starting a visit or signing out. */
export interface SessionValue {
  session: Session;
  /** Set when this tab's visitor pass stopped working; the session is then signed out. */
  endedVisit: EndedVisit | null;
  /** Asks the server again (for example after the user's organisation changed). */
  refresh(): Promise<Session>;
  /** Records the user the server just signed in, without asking again. */
  signedIn(user: User): void;
  /** Records the open-day visit the server just started. */
  visiting(visit: VisitResponse): void;
  /** Records that the session was just ended. */
  signedOut(): void;
}

/** Context carrying the session, provided once by SessionProvider. */
export const SessionContext = createContext<SessionValue | null>(null);

/** The current user or visitor, with `refresh()`, `signedIn()`, `visiting()` and `signedOut()` to keep it current. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
