import type { OpenDayTimes } from '@common-ground/shared';
import { formatWindow } from './formatOpenDayTime.ts';

/** The facts about an open day a visitor needs: host, when, where, access, joining online and who to talk to. */
export function OpenDayFacts({
  hostOrganisation,
  times,
  venue,
  accessInformation,
  online,
  safeguardingLead,
  places,
}: {
  hostOrganisation: { name: string } | null;
  times: OpenDayTimes;
  venue: string | null;
  accessInformation: string | null;
  /** The joining link (on a pass), or just whether the day can be joined online (on the public page). */
  online: string | boolean | null;
  safeguardingLead?: { name: string; email: string; phone: string | null };
  places?: string;
}) {
  return (
    <dl className="summary-list open-day-facts">
      {hostOrganisation ? (
        <div>
          <dt>Hosted by</dt>
          <dd>{hostOrganisation.name}</dd>
        </div>
      ) : null}
      <div>
        <dt>When</dt>
        <dd>{formatWindow(times.startsAt, times.endsAt)}</dd>
      </div>
      <div>
        <dt>Where</dt>
        <dd className="innovation-text">{venue ?? 'Online only'}</dd>
      </div>
      {accessInformation ? (
        <div>
          <dt>Access</dt>
          <dd className="innovation-text">{accessInformation}</dd>
        </div>
      ) : null}
      {online ? (
        <div>
          <dt>Online</dt>
          <dd>
            {typeof online === 'string' ? (
              <a href={online}>Join online</a>
            ) : (
              'You can also join online; the link comes with your pass.'
            )}
          </dd>
        </div>
      ) : null}
      {places ? (
        <div>
          <dt>Places</dt>
          <dd data-testid="places-left">{places}</dd>
        </div>
      ) : null}
      {safeguardingLead ? (
        <div>
          <dt>Safeguarding lead</dt>
          <dd>
            {safeguardingLead.name}, <a href={`mailto:${safeguardingLead.email}`}>{safeguardingLead.email}</a>
            {safeguardingLead.phone ? `, ${safeguardingLead.phone}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
