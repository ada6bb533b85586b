import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getCommunity } from '../api/communities.ts';
import { createInnovation, getInnovation, updateInnovation } from '../api/innovations.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { blankDraft, draftOf } from '../innovations/innovationDraft.ts';
import { InnovationForm } from '../innovations/InnovationForm.tsx';
import '../innovations/innovations.css';

/** Changes an innovation profile; only its source organisation is offered this page, and the server enforces it. */
export function InnovationEditPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <EditInnovation id={id} />}</RequireUser>;
}

function EditInnovation({ id }: { id: string }) {
  const load = useCallback(() => getInnovation(id), [id]);
  const innovation = useApiData(load);
  const navigate = useNavigate();
  if (innovation.error) return <LoadProblem error={innovation.error} what="Innovation" />;
  if (!innovation.data) return <p role="status">Loading the innovation…</p>;
  const { name, revision, abilities } = innovation.data;
  return (
    <Page title={`Edit ${name}`} caption="Innovation profile">
      <p>
        <Link to={`/innovations/${id}`}>Back to the profile</Link>
      </p>
      {abilities.edit ? (
        <InnovationForm
          communityId={innovation.data.communityId}
          organisationId={innovation.data.sourceOrganisation.id}
          initial={draftOf(innovation.data)}
          submitLabel="Save changes"
          save={(content) => updateInnovation(id, { revision, ...content })}
          onSaved={() => navigate(`/innovations/${id}`)}
        />
      ) : (
        <p>Only confirmed people of {innovation.data.sourceOrganisation.name} can change this profile.</p>
      )}
    </Page>
  );
}

/** Adds an innovation profile for the signed-in person's confirmed organisation. */
export function NewInnovationPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser>
      {(user) => (
        <NewInnovation
          communityId={id}
          organisation={user.organisationStatus === 'confirmed' ? user.organisation : null}
        />
      )}
    </RequireUser>
  );
}

function NewInnovation({
  communityId,
  organisation,
}: {
  communityId: string;
  organisation: { id: string; name: string } | null;
}) {
  const load = useCallback(() => getCommunity(communityId), [communityId]);
  const community = useApiData(load);
  const navigate = useNavigate();
  if (community.error) return <LoadProblem error={community.error} what="Community" />;
  if (!community.data) return <p role="status">Loading the community…</p>;
  return (
    <Page title="Add an innovation" caption={community.data.name}>
      <p>
        <Link to={`/communities/${communityId}`}>Back to the community</Link>
      </p>
      {organisation ? (
        <>
          <p>
            The profile belongs to <strong>{organisation.name}</strong>: only its confirmed people can change
            it, and every change is kept in its history.
          </p>
          <InnovationForm
            communityId={communityId}
            organisationId={organisation.id}
            initial={blankDraft()}
            submitLabel="Add the innovation"
            save={(content) =>
              createInnovation(communityId, { sourceOrganisationId: organisation.id, ...content })
            }
            onSaved={() => navigate(`/communities/${communityId}`)}
          />
        </>
      ) : (
        <p>
          Only people confirmed as working for an organisation can add its innovations.{' '}
          <Link to="/organisation">Choose your organisation</Link>.
        </p>
      )}
    </Page>
  );
}
