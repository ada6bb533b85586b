import { Link } from 'react-router';
import type { ApiError } from '../api/apiClient.ts';
import { Page } from './Page.tsx';

/** A whole page explaining why something could not be loaded (signed out, not found or no access, or an outage). */
export function LoadProblem({ error, what }: { error: ApiError; what: string }) {
  if (error.status === 401) {
    return (
      <Page title="Your session has ended">
        <p>{error.message}</p>
        <p>
          Open-day visitors: ask the organisers for a new pass link. Members:{' '}
          <Link to="/sign-in">sign in again</Link>.
        </p>
      </Page>
    );
  }
  // A malformed address (the server's "id: must be an id") is, to a reader, just a page that is not there.
  const missing =
    error.status === 404 ||
    error.status === 403 ||
    (error.status === 400 && error.code === 'validation_failed');
  return (
    <Page title={missing ? `${what} not found` : `Sorry, we could not load the ${what.toLowerCase()}`}>
      <p>
        {missing
          ? 'If you typed the web address, check it is correct. If you followed a link, it may have been removed, or you may not have access to it.'
          : error.message}
      </p>
      <p>
        <Link to="/communities">Go to your communities</Link>
      </p>
    </Page>
  );
}
