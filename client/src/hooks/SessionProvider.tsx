import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe } from '../api/auth.ts';
import { fetchCurrentVisit } from '../api/visits.ts';
import { SessionContext, type Session } from './useSession.ts';

async function readSession(): Promise<Session> {
  const user = await fetchMe();
  if (user) return { status: 'user', user };
  const visit = await fetchCurrentVisit();
  return visit ? { status: 'visitor', visit } : { status: 'signed-out' };
}

/** Loads who is signed in (user or visitor) once, and lets pages refresh it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const next = await readSession().catch((): Session => ({ status: 'signed-out' }));
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    let cancelled = false;
    readSession()
      .catch((): Session => ({ status: 'signed-out' }))
      .then((next) => !cancelled && setSession(next));
    return () => {
      cancelled = true;
    };
  }, []);

  const value = useMemo(() => ({ session, refresh }), [session, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
