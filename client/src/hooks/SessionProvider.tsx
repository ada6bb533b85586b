import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, VisitResponse } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { fetchSession } from '../api/auth.ts';
import { SessionContext, type Session } from './useSession.ts';

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

  const signedIn = useCallback((user: User) => {
    setSession({ status: 'user', user });
  }, []);
  const visiting = useCallback((visit: VisitResponse) => {
    setSession({ status: 'visitor', visit });
  }, []);
  const signedOut = useCallback(() => {
    setSession({ status: 'signed-out' });
  }, []);

  const value = useMemo(
    () => ({ session, refresh, signedIn, visiting, signedOut }),
    [session, refresh, signedIn, visiting, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
