import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

/** The landing page: what the platform is for. */
export function HomePage() {
  return (
    <Page title="Learn together across organisations">
      <p className="lead">
        Common Ground is where organisations that made an innovation work in children&apos;s social care, and
        the organisations adopting it, learn together: live in action learning sets, over months in
        partnership discussions, and openly on open days.
      </p>
      <p>
        <Link to="/status">Check the service status</Link>
      </p>
    </Page>
  );
}
