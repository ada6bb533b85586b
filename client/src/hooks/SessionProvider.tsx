import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, VisitResponse } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { fetchMe } from '../api/auth.ts';
import { fetchCurrentVisit } from '../api/visits.ts';
import { readSessionHint, writeSessionHint, type SessionHint } from './sessionHint.ts';
import { SessionContext, type Session } from './useSession.ts';

const ATTEMPTS = 3;

const hintFor = (session: Session): SessionHint =>
  session.status === 'user' || session.status === 'visitor' ? session.status : null;

/** Asks the likelier question first, so a visitor is not asked "which user are you?" (a 401) on every load. */
async function askServer(hint: SessionHint): Promise<Session> {
  const asUser = async (): Promise<Session | null> => {
    const user = await fetchMe();
    return user ? { status: 'user', user } : null;
  };
  const asVisitor = async (): Promise<Session | null> => {
    const visit = await fetchCurrentVisit();
    return visit ? { status: 'visitor', visit } : null;
  };
  const [first, second] = hint === 'visitor' ? [asVisitor, asUser] : [asUser, asVisitor];
  return (await first()) ?? (await second()) ?? { status: 'signed-out' };
}

/** Asks who is signed in, retrying briefly: a passing outage must not look like being signed out. */
async function readSession(hint: SessionHint): Promise<Session> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const session = await askServer(hint);
      writeSessionHint(hintFor(session));
      return session;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        const message = error instanceof ApiError ? error.message : 'The server did not answer.';
        return { status: 'unavailable', message };
      }
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
  }
}

/**
 * Loads who is signed in (user or visitor) once, and keeps it current. A browser that never signed in is not
 * asked at all: the server would only answer 401, which browsers log as an error on every page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(() =>
    readSessionHint() ? { status: 'loading' } : { status: 'signed-out' },
  );

  const refresh = useCallback(async () => {
    const next = await readSession(readSessionHint() ?? 'user');
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    const hint = readSessionHint();
    if (!hint) return;
    let cancelled = false;
    void readSession(hint).then((next) => !cancelled && setSession(next));
    return () => {
      cancelled = true;
    };
  }, []);

  const signedIn = useCallback((user: User) => {
    writeSessionHint('user');
    setSession({ status: 'user', user });
  }, []);
  const visiting = useCallback((visit: VisitResponse) => {
    writeSessionHint('visitor');
    setSession({ status: 'visitor', visit });
  }, []);
  const signedOut = useCallback(() => {
    writeSessionHint(null);
    setSession({ status: 'signed-out' });
  }, []);

  const value = useMemo(
    () => ({ session, refresh, signedIn, visiting, signedOut }),
    [session, refresh, signedIn, visiting, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
