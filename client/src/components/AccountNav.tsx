import { NavLink, useNavigate } from 'react-router';
import { signOut } from '../api/auth.ts';
import { useSession } from '../hooks/useSession.ts';

/** The header's account links: sign in/up, the signed-in person's pages and Sign out, or a visitor's Leave. */
export function AccountNav() {
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const leave = async (to: string) => {
    await signOut().catch(() => undefined);
    // Leave the page first: otherwise a page that needs a user sees the session end and asks to sign in
    // "to come back here", which is not where someone who just signed out wants to return.
    navigate(to);
    await refresh();
  };

  if (session.status === 'loading' || session.status === 'unavailable') return null;
  if (session.status === 'visitor') {
    return (
      <>
        <li className="nav-visiting">
          Visiting: <strong>{session.visit.room.title}</strong>
        </li>
        <li>
          <button type="button" className="nav-button" onClick={() => void leave('/')}>
            Leave
          </button>
        </li>
      </>
    );
  }
  if (session.status === 'signed-out') {
    return (
      <>
        <li>
          <NavLink to="/sign-in">Sign in</NavLink>
        </li>
        <li>
          <NavLink to="/sign-up">Create an account</NavLink>
        </li>
      </>
    );
  }
  return (
    <>
      <li>
        <NavLink to="/communities" end={false}>
          Communities
        </NavLink>
      </li>
      <li>
        <NavLink to="/organisation">{session.user.organisation?.name ?? 'Your organisation'}</NavLink>
      </li>
      <li>
        <button type="button" className="nav-button" onClick={() => void leave('/sign-in')}>
          Sign out <span className="visually-hidden">{session.user.displayName}</span>
        </button>
      </li>
    </>
  );
}
