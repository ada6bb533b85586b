import { createContext, useContext } from 'react';
import type { User, VisitResponse } from '@common-ground/shared';

/** Who is using this browser: not yet known, nobody, a user, an open-day visitor, or unknown (server unreachable). */
export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'user'; user: User }
  | { status: 'visitor'; visit: VisitResponse }
  | { status: 'unavailable'; message: string };

/** The session plus a way to ask the server again after signing in or out. */
export interface SessionValue {
  session: Session;
  refresh(): Promise<Session>;
}

/** Context carrying the session, provided once by SessionProvider. */
export const SessionContext = createContext<SessionValue | null>(null);

/** The current user or visitor, and `refresh()` to re-read it after sign-in, sign-out or a visit. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
