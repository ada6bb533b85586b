import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { UpdateOpenDayBody } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDaysApi } from '../api/openDays.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { CopyLink } from '../components/CopyLink.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { formatWindow } from '../openDays/formatOpenDayTime.ts';
import { HostLiveSection } from '../openDays/HostLiveSection.tsx';
import { PresenterConsents } from '../openDays/PresenterConsents.tsx';
import { TakeBackForm } from '../openDays/TakeBackForm.tsx';
import '../openDays/openDays.css';

/** An open day as its host runs it: the registration link, live headcount and questions, presenters, take-back pack, cancelling. */
export function OpenDayHostPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <HostView id={id} />}</RequireUser>;
}

function HostView({ id }: { id: string }) {
  const load = useCallback(() => openDaysApi.get(id), [id]);
  const { data: openDay, error, reload } = useApiData(load);
  const [news, setNews] = useState<string | null>(null);
  const newsBox = useRef<HTMLDivElement>(null);
  if (error) return <LoadProblem error={error} what="Open day" />;
  if (!openDay) return <p role="status">Loading the open day…</p>;

  const save = async (body: UpdateOpenDayBody) => {
    await openDaysApi.update(openDay.id, body);
    reload();
  };
  const cancel = async () => {
    try {
      await openDaysApi.cancel(openDay.id);
      setNews('The open day is cancelled. Everyone registered has been emailed.');
    } catch (failure) {
      setNews(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
    reload();
    requestAnimationFrame(() => newsBox.current?.focus());
  };
  const cancelled = openDay.phase === 'cancelled';

  return (
    <Page title={openDay.title} caption="Open day you host">
      <div ref={newsBox} tabIndex={-1} className="focus-target" role="status">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      <dl className="summary-list open-day-facts">
        <div>
          <dt>When</dt>
          <dd>{formatWindow(openDay.times.startsAt, openDay.times.endsAt)}</dd>
        </div>
        <div>
          <dt>Places</dt>
          <dd>
            {openDay.placesTaken} of {openDay.capacity} taken, {openDay.waiting} on the waiting list
          </dd>
        </div>
        <div>
          <dt>Safeguarding lead</dt>
          <dd>
            {openDay.safeguardingLead.name}, {openDay.safeguardingLead.email}
          </dd>
        </div>
      </dl>
      {cancelled ? (
        <p className="notice">
          <strong>This open day was cancelled.</strong>
        </p>
      ) : (
        <CopyLink
          id="registration-link"
          label="Registration link"
          hint="Share it with councils, trusts and charities. People register with their work email and get their pass by email."
          url={openDay.registrationUrl}
        />
      )}
      <ul className="link-list">
        <li>
          <Link to={`/hosted-open-days/${openDay.id}/dashboard`}>
            Dashboard: registrations, attendance and feedback
          </Link>
        </li>
        {cancelled ? null : (
          <li>
            <Link to={`/hosted-open-days/${openDay.id}/edit`}>Change the details</Link> (everyone registered
            is emailed)
          </li>
        )}
        <li>
          <a href={openDaysApi.attendanceUrl(openDay.id)} download>
            Download attendance (CSV)
          </a>
        </li>
        <li>
          <Link to={`/communities/${openDay.communityId}`}>Back to the community</Link>
        </li>
      </ul>
      {cancelled ? null : <HostLiveSection openDay={openDay} />}
      <TakeBackForm openDay={openDay} save={save} />
      <PresenterConsents openDayId={openDay.id} />
      {cancelled ? null : (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">Cancel the open day</h2>
          <p>Everyone registered and on the waiting list is emailed. This cannot be undone.</p>
          <ConfirmButton
            label="Cancel the open day"
            question="Cancel this open day and email everyone registered?"
            confirmLabel="Yes, cancel it"
            onConfirm={cancel}
          />
        </section>
      )}
    </Page>
  );
}
