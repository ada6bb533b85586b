import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { getInnovation } from '../api/innovations.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { InnovationHistory } from '../innovations/InnovationHistory.tsx';
import { InnovationProfile } from '../innovations/InnovationProfile.tsx';
import '../innovations/innovations.css';

/** One innovation profile, readable by every member of its community, with its history of changes. */
export function InnovationPage() {
  const { id = '' } = useParams();
  return <RequireUser>{() => <InnovationView id={id} />}</RequireUser>;
}

function InnovationView({ id }: { id: string }) {
  const load = useCallback(() => getInnovation(id), [id]);
  const innovation = useApiData(load);
  if (innovation.error) return <LoadProblem error={innovation.error} what="Innovation" />;
  if (!innovation.data) return <p role="status">Loading the innovation…</p>;
  const { name, communityId, abilities, revision } = innovation.data;
  return (
    <Page title={name} caption="Innovation">
      <p>
        <Link to={`/communities/${communityId}`}>Back to the community</Link>
      </p>
      {abilities.edit ? (
        <p>
          <Link to={`/innovations/${id}/edit`} className="button">
            Edit this profile
          </Link>
        </p>
      ) : null}
      <InnovationProfile innovation={innovation.data} />
      <h2>History of changes</h2>
      <InnovationHistory innovationId={id} revision={revision} />
    </Page>
  );
}
