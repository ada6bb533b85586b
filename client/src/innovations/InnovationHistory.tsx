import { useCallback } from 'react';
import { listInnovationHistory } from '../api/innovations.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { organisationLabel } from '../components/organisationLabel.ts';

/** Every change to the profile, newest first: who made it, when, and what it changed. */
export function InnovationHistory({ innovationId, revision }: { innovationId: string; revision: number }) {
  // The revision is in the loader's identity so a saved change reloads the history.
  const load = useCallback(() => listInnovationHistory(innovationId), [innovationId, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const history = useApiData(load);
  if (history.error) return <p className="error-message">{history.error.message}</p>;
  if (!history.data) return <p role="status">Loading the history…</p>;
  return (
    <ol className="card-list innovation-history" reversed>
      {history.data.map((entry) => (
        <li key={entry.id}>
          <p>
            <strong>{entry.changedBy.displayName}</strong>
            {entry.changedBy.organisation
              ? ` (${organisationLabel(entry.changedBy.organisation)})`
              : ''}, <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>
          </p>
          <ul>
            {entry.changes.map((change) => (
              <li key={change.field}>{change.summary}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
