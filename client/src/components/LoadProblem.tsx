import { Link } from 'react-router';
import type { ApiError } from '../api/apiClient.ts';
import { Page } from './Page.tsx';

/** A whole page explaining why something could not be loaded (not found, no access, or an outage). */
export function LoadProblem({ error, what }: { error: ApiError; what: string }) {
  const title =
    error.status === 404 || error.status === 403
      ? `${what} not found`
      : `Sorry, we could not load the ${what.toLowerCase()}`;
  return (
    <Page title={title}>
      <p>
        {error.status === 404 || error.status === 403
          ? `It may have been removed, or you may not have access to it. ${error.message}`
          : error.message}
      </p>
      <p>
        <Link to="/communities">Go to your communities</Link>
      </p>
    </Page>
  );
}
