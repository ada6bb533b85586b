import { useEffect, useState } from 'react';
import { routes, type Readiness } from '@common-ground/shared';
import { api, ApiError } from '../api/apiClient.ts';
import { Page } from '../components/Page.tsx';

/** Shows whether the server and its database are ready. */
export function StatusPage() {
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api(routes.readiness, { allowStatus: [503] })
      .then((value) => !cancelled && setReadiness(value))
      .catch(
        (error: unknown) =>
          !cancelled && setFailure(error instanceof ApiError ? error.message : 'Unknown error'),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <Page title="Service status">
      <div role="status" aria-live="polite">
        {failure ? <p className="status status-bad">The server cannot be reached: {failure}</p> : null}
        {!failure && !readiness ? <p>Checking the service…</p> : null}
        {readiness ? (
          <dl className="summary-list">
            <div>
              <dt>Server</dt>
              <dd data-testid="server-status">Running</dd>
            </div>
            <div>
              <dt>Database</dt>
              <dd
                data-testid="database-status"
                className={readiness.database.reachable ? 'status-good' : 'status-bad'}
              >
                {readiness.database.reachable
                  ? `Reachable (${readiness.database.latencyMs ?? '?'} ms)`
                  : 'Unavailable: changes cannot be saved'}
              </dd>
            </div>
            {readiness.redis === 'off' ? null : (
              <div>
                <dt>Link between servers</dt>
                <dd
                  data-testid="redis-status"
                  className={readiness.redis === 'up' ? 'status-good' : 'status-bad'}
                >
                  {readiness.redis === 'up'
                    ? 'Connected'
                    : 'Reconnecting: live updates from people on other servers are delayed, nothing is lost'}
                </dd>
              </div>
            )}
          </dl>
        ) : null}
      </div>
    </Page>
  );
}
