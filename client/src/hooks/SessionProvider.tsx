import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { User, VisitResponse } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { fetchSession } from '../api/auth.ts';
import { SessionContext, type EndedVisit, type Session } from './useSession.ts';
import { onAccessEnded, rememberedVisit, rememberVisit } from './visitEndings.ts';

const ATTEMPTS = 3;

/** One question to the server, which always answers 200: a user, a visitor or nobody. */
async function askServer(): Promise<Session> {
  const session = await fetchSession();
  if (session?.kind === 'user') return { status: 'user', user: session.user };
  if (session?.kind === 'visitor') return { status: 'visitor', visit: session.visit };
  return { status: 'signed-out' };
}

/** Asks who is signed in, retrying briefly: a passing outage must not look like being signed out. */
async function readSession(): Promise<Session> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await askServer();
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        const message = error instanceof ApiError ? error.message : 'The server did not answer.';
        return { status: 'unavailable', message };
      }
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
  }
}

/** Loads who is signed in (user or visitor) once, and keeps it current. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session>({ status: 'loading' });
  const [endedVisit, setEndedVisit] = useState<EndedVisit | null>(null);

  // Every change of session passes here, so the tab's visit marker and the ended visit stay in step with it.
  const setSession = useCallback((next: Session) => {
    if (next.status === 'visitor') {
      rememberVisit({ roomId: next.visit.room.id, title: next.visit.room.title });
      setEndedVisit(null);
    } else if (next.status === 'user') {
      rememberVisit(null);
      setEndedVisit(null);
    } else if (next.status === 'signed-out') {
      // A tab that was visiting and is now signed out without leaving: the pass was revoked or expired.
      setEndedVisit(rememberedVisit());
    }
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    const next = await readSession();
    setSession(next);
    return next;
  }, [setSession]);

  useEffect(() => {
    let cancelled = false;
    void readSession().then((next) => !cancelled && setSession(next));
    return () => {
      cancelled = true;
    };
  }, [setSession]);

  // Revocation reaches the client by whichever channel sees it first; the content goes at once.
  const sessionRef = useRef(session);
  useEffect(() => {
    sessionRef.current = session;
  }, [session]);
  useEffect(
    () =>
      onAccessEnded(() => {
        const current = sessionRef.current;
        if (current.status !== 'visitor') return;
        setEndedVisit({ roomId: current.visit.room.id, title: current.visit.room.title });
        setSessionState({ status: 'signed-out' });
      }),
    [],
  );

  // A pass also ends at its expiry time, even if no message from the server arrives.
  const expiresAt = session.status === 'visitor' ? session.visit.visitor.expiresAt : null;
  useEffect(() => {
    if (!expiresAt) return;
    const wait = Math.max(0, Date.parse(expiresAt) - Date.now());
    if (wait > 2 ** 31 - 1) return;
    const timer = setTimeout(() => void refresh(), wait + 1000);
    return () => clearTimeout(timer);
  }, [expiresAt, refresh]);

  const signedIn = useCallback(
    (user: User) => {
      setSession({ status: 'user', user });
    },
    [setSession],
  );
  const visiting = useCallback(
    (visit: VisitResponse) => {
      setSession({ status: 'visitor', visit });
    },
    [setSession],
  );
  const signedOut = useCallback(() => {
    // Signing out or leaving on purpose is not a visit that ended.
    rememberVisit(null);
    setSession({ status: 'signed-out' });
  }, [setSession]);

  const value = useMemo(
    () => ({ session, endedVisit, refresh, signedIn, visiting, signedOut }),
    [session, endedVisit, refresh, signedIn, visiting, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
