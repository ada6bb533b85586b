import { useCallback } from 'react';
import { Link } from 'react-router';
import { openDaysApi } from '../api/openDays.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { useApiData } from '../hooks/useApiData.ts';

/** A community's open days, for those who may host them, with the link to schedule another. */
export function OpenDayList({ communityId }: { communityId: string }) {
  const load = useCallback(() => openDaysApi.list(communityId), [communityId]);
  const { data, error } = useApiData(load);
  return (
    <section aria-labelledby="open-days-heading">
      <h2 id="open-days-heading">Open days you host</h2>
      {error ? <p className="error-message">{error.message}</p> : null}
      {data && data.length === 0 ? <p>No open days yet.</p> : null}
      {data && data.length ? (
        <ul className="card-list">
          {data.map((openDay) => (
            <li key={openDay.id}>
              <Link to={`/hosted-open-days/${openDay.id}`}>{openDay.title}</Link>{' '}
              <span className="tag">
                {openDay.phase === 'cancelled' ? 'Cancelled' : formatDateTime(openDay.times.startsAt)}
              </span>
              <p className="hint">
                {openDay.placesTaken} of {openDay.capacity} places taken, {openDay.waiting} waiting
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/communities/${communityId}/open-days/new`}>Schedule an open day</Link>
      </p>
    </section>
  );
}
