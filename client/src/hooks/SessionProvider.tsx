import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/apiClient.ts';
import { fetchMe } from '../api/auth.ts';
import { fetchCurrentVisit } from '../api/visits.ts';
import { SessionContext, type Session } from './useSession.ts';

const ATTEMPTS = 3;

async function askServer(): Promise<Session> {
  const user = await fetchMe();
  if (user) return { status: 'user', user };
  const visit = await fetchCurrentVisit();
  return visit ? { status: 'visitor', visit } : { status: 'signed-out' };
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

/** Loads who is signed in (user or visitor) once, and lets pages refresh it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const next = await readSession();
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    let cancelled = false;
    void readSession().then((next) => !cancelled && setSession(next));
    return () => {
      cancelled = true;
    };
  }, []);

  const value = useMemo(() => ({ session, refresh }), [session, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
