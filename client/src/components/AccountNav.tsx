import { NavLink } from 'react-router';
import { signOut } from '../api/auth.ts';
import { forgetOfflineCopies } from '../collaboration/offlineCopies.ts';
import { useSession } from '../hooks/useSession.ts';
import { organisationLabel } from './organisationLabel.ts';
import { leavingOnPurpose } from '../hooks/visitEndings.ts';

/** The header's account links: sign in/up, the signed-in person's pages and Sign out, or a visitor's Leave. */
export function AccountNav() {
  const { session, signedOut } = useSession();
  const leave = async (to: string) => {
    leavingOnPurpose();
    await signOut().catch(() => undefined);
    await forgetOfflineCopies();
    signedOut();
    // A full page load, not client routing: nothing the previous person saw (documents, discussions) stays in
    // memory on a shared computer, and no page that needed them gets to ask them to sign in "to come back".
    window.location.assign(to);
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
        <NavLink to="/organisation">
          {session.user.organisation ? organisationLabel(session.user.organisation) : 'Your organisation'}
        </NavLink>
      </li>
      <li>
        <NavLink to="/account">Your account</NavLink>
      </li>
      <li>
        <button type="button" className="nav-button" onClick={() => void leave('/sign-in')}>
          Sign out <span className="visually-hidden">{session.user.displayName}</span>
        </button>
      </li>
    </>
  );
}
