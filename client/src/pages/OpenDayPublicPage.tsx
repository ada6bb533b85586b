import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { RegisterForOpenDayBody } from '@common-ground/shared';
import { openDayPassApi } from '../api/openDayPass.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { OpenDayFacts } from '../openDays/OpenDayFacts.tsx';
import { RegistrationForm } from '../openDays/RegistrationForm.tsx';
import '../openDays/openDays.css';

/** An open day's public page (the registration link a host shares): details, places left, and registration. */
export function OpenDayPublicPage() {
  const { slug = '' } = useParams();
  const loadDetails = useCallback(() => openDayPassApi.publicDetails(slug), [slug]);
  const loadOrganisations = useCallback(() => openDayPassApi.organisations(slug), [slug]);
  const details = useApiData(loadDetails);
  const organisations = useApiData(loadOrganisations);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const checkHeading = useRef<HTMLHeadingElement>(null);
  // The form is replaced by the news: focus goes to its heading once it is on screen (WCAG 2.4.3).
  useEffect(() => {
    if (sentTo) checkHeading.current?.focus();
  }, [sentTo]);

  if (details.error) return <LoadProblem error={details.error} what="Open day" />;
  if (!details.data) return <p role="status">Loading the open day…</p>;
  const openDay = details.data;
  const register = async (body: RegisterForOpenDayBody) => {
    await openDayPassApi.register(slug, body);
    setSentTo(body.email);
  };
  const places =
    openDay.placesLeft > 0
      ? `${openDay.placesLeft} of ${openDay.capacity} places left`
      : `All ${openDay.capacity} places are taken: you can join the waiting list`;

  return (
    <Page title={openDay.title} caption="Open day">
      <p className="lead innovation-text">{openDay.description}</p>
      <OpenDayFacts
        hostOrganisation={openDay.hostOrganisation}
        times={openDay.times}
        venue={openDay.venue}
        accessInformation={openDay.accessInformation}
        online={openDay.online}
        places={places}
      />
      {sentTo ? (
        <div className="notice check-email" data-testid="check-your-email">
          <h2 ref={checkHeading} tabIndex={-1} className="focus-target">
            Check your email
          </h2>
          <p>
            We have sent a message to <strong>{sentTo}</strong>. Your pass comes only by email: open the link
            in it to see the pre-read, and on the day to join.
          </p>
          <p>It has a calendar invitation you can forward to your manager to ask to be released.</p>
          <p>
            If nothing arrives in a few minutes, check your junk folder, or register again for a fresh email.
          </p>
        </div>
      ) : openDay.registrationOpen ? (
        <>
          <p>
            Register to get your pass by email. We ask for your work email so the host knows which
            organisations are coming; your details are deleted 14 days after the day.
          </p>
          <RegistrationForm organisations={organisations.data ?? []} register={register} />
        </>
      ) : (
        <p className="notice">
          <strong>Registration has closed.</strong>{' '}
          {openDay.phase === 'cancelled'
            ? 'This open day was cancelled.'
            : 'This open day has already happened.'}
        </p>
      )}
    </Page>
  );
}
