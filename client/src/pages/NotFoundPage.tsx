import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>If you typed the web address, check it is correct. If you followed a link, it may have expired.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
