import { useCallback } from 'react';
import { getEngagement } from '../api/partnerships.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { useApiData } from '../hooks/useApiData.ts';

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * A partnership's health: days since both sides were in touch, activity per month by organisation (a chart, and the
 * same figures as a table), how quickly learners' questions are answered. Never compared with another partnership.
 */
export function HealthSection({ roomId }: { roomId: string }) {
  const load = useCallback(() => getEngagement(roomId), [roomId]);
  const { data, error } = useApiData(load);
  if (error) return <p className="error-message">{error.message}</p>;
  if (!data) return <p role="status">Loading the partnership’s health…</p>;
  const organisations = data.months[0]?.counts.map((count) => count.organisationName) ?? [];
  const largest = Math.max(1, ...data.months.flatMap((month) => month.counts.map((count) => count.count)));
  const quiet = data.daysSinceTwoWayContact !== null && data.daysSinceTwoWayContact >= data.quietAfterDays;
  return (
    <section aria-labelledby="health-heading" className="partnership-section">
      <h2 id="health-heading">Partnership health</h2>
      <p className="hint">
        Only this partnership’s people and the community’s facilitators see these figures. They are never
        ranked or compared with other partnerships.
      </p>
      <dl className="summary-list" data-testid="health-figures">
        <div>
          <dt>Days since both sides were in touch</dt>
          <dd>
            {data.daysSinceTwoWayContact === null ? 'Not yet in touch' : data.daysSinceTwoWayContact}
            {data.lastTwoWayContactAt ? ` (last ${formatDateTime(data.lastTwoWayContactAt)})` : ''}
            {quiet ? <span className="tag tag-grey"> A quiet spell: a short check-in helps</span> : null}
          </dd>
        </div>
        <div>
          <dt>Median time to a first answer</dt>
          <dd>
            {data.medianHoursToFirstAnswer === null
              ? 'No answered questions yet'
              : `${data.medianHoursToFirstAnswer} hours`}
          </dd>
        </div>
        <div>
          <dt>Learners’ questions unanswered after 7 days</dt>
          <dd>{data.questionsUnansweredOver7Days}</dd>
        </div>
      </dl>
      <h3>Activity per month</h3>
      <div className="activity-chart" aria-hidden="true">
        {data.months.map((month) => (
          <div key={month.month} className="activity-month">
            <span className="activity-label">{monthName(month.month)}</span>
            {month.counts.map((count, index) => (
              <span
                key={count.organisationId}
                className={`activity-bar activity-bar-${index % 4}`}
                style={{ width: `${(count.count / largest) * 100}%` }}
                title={`${count.organisationName}: ${count.count}`}
              />
            ))}
          </div>
        ))}
      </div>
      <p className="hint">
        The chart shows the table below: each organisation has its own bar shade, in table order.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="activity-caption" tabIndex={0}>
        <table className="activity-table">
          <caption id="activity-caption">Activity per month by organisation, last 12 months</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {organisations.map((name) => (
                <th scope="col" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{monthName(month.month)}</th>
                {month.counts.map((count) => (
                  <td key={count.organisationId}>{count.count}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
