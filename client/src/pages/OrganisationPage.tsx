import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Organisation, User } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { requestToJoin } from '../api/organisations.ts';
import { CreateOrganisationForm } from '../components/CreateOrganisationForm.tsx';
import { OrganisationPeople } from '../components/OrganisationPeople.tsx';
import { OrganisationSearch } from '../components/OrganisationSearch.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useSession } from '../hooks/useSession.ts';

/** Choose the organisation you work for (ask to join, or create it); admins confirm who works there. */
export function OrganisationPage() {
  return <RequireUser>{(user) => <OrganisationChooser user={user} />}</RequireUser>;
}

function OrganisationChooser({ user }: { user: User }) {
  const { refresh } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const join = async (organisation: Organisation) => {
    try {
      setProblem(null);
      await requestToJoin(organisation.id);
      await refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    }
  };
  const organisation = user.organisation;
  // After joining or creating, the form that had focus is gone: move focus to the news instead of the page top.
  const notice = useRef<HTMLDivElement>(null);
  const initialStatus = useRef(user.organisationStatus);
  useEffect(() => {
    if (user.organisationStatus !== initialStatus.current) notice.current?.focus();
  }, [user.organisationStatus]);

  return (
    <Page title="Your organisation">
      <div role="status" aria-live="polite" tabIndex={-1} ref={notice} className="focus-target">
        {organisation && user.organisationStatus === 'confirmed' ? (
          <div className="notice">
            <p>
              You work for <strong>{organisation.name}</strong>{' '}
              <span className="tag tag-green">Confirmed</span>
            </p>
            <p>
              <Link to="/communities">Go to your communities</Link>
            </p>
          </div>
        ) : null}
        {organisation && user.organisationStatus === 'pending' ? (
          <div className="notice">
            <p>
              You asked to join <strong>{organisation.name}</strong>{' '}
              <span className="tag tag-grey">Waiting for confirmation</span>
            </p>
            <p>An admin at {organisation.name} needs to confirm that you work there.</p>
          </div>
        ) : null}
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {organisation && user.organisationStatus === 'confirmed' ? (
        <OrganisationPeople organisation={organisation} userId={user.id} />
      ) : (
        <>
          <p>
            Tell us which organisation you work for. Its admins confirm each person who joins, so nobody can
            claim to speak for a council they do not work for.
          </p>
          <h2>{organisation ? 'Or ask to join a different organisation' : 'Find your organisation'}</h2>
          {/* A fresh search after asking to join, so the old results (now without that organisation) do not say
              "No organisations match" under "Waiting for confirmation". */}
          <OrganisationSearch
            key={organisation?.id ?? 'none'}
            idPrefix="join-organisation"
            label="Search by name"
            actionLabel="Ask to join"
            onChoose={join}
            exclude={organisation ? [organisation.id] : []}
          />
          <h2 id="create-organisation-heading">Or add your organisation</h2>
          <p>If it is not here yet, add it. You will be its first admin and confirm colleagues who join.</p>
          <CreateOrganisationForm onCreated={async () => void (await refresh())} />
        </>
      )}
    </Page>
  );
}
