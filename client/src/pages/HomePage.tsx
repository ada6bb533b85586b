import { Link, Navigate } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useSession } from '../hooks/useSession.ts';

/** The landing page: what the platform is for; signed-in people go straight to their communities. */
export function HomePage() {
  const { session } = useSession();
  if (session.status === 'user') return <Navigate to="/communities" replace />;
  return (
    <Page title="Learn together across organisations">
      <p className="lead">
        Common Ground is where organisations that made an innovation work in children&apos;s social care, and
        the organisations adopting it, learn together: live in action learning sets, over months in
        partnership discussions, and openly on open days.
      </p>
      {session.status === 'signed-out' ? (
        <p>
          <Link className="button" to="/sign-up">
            Create an account
          </Link>
          <Link className="button button-secondary" to="/sign-in">
            Sign in
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/status">Check the service status</Link>
      </p>
    </Page>
  );
}
