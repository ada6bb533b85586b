import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { User } from '@common-ground/shared';
import { useSession } from '../hooks/useSession.ts';
import { SessionUnavailable } from './SessionUnavailable.tsx';

/** Renders its children for a signed-in user; sends anyone else to sign in and back here afterwards. */
export function RequireUser({ children }: { children: (user: User) => ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <p role="status">Loading…</p>;
  if (session.status === 'unavailable') return <SessionUnavailable message={session.message} />;
  if (session.status !== 'user') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(session.user)}</>;
}
