import { useCallback } from 'react';
import { Link } from 'react-router';
import { listInnovations } from '../api/innovations.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { FindingTag } from './EvidenceList.tsx';
import { StageTag } from './InnovationProfile.tsx';
import { OrganisationName } from '../components/OrganisationName.tsx';

/** The community page's innovations: each with its source, stage and every finding, positive or not. */
export function InnovationList({ communityId }: { communityId: string }) {
  const load = useCallback(() => listInnovations(communityId), [communityId]);
  const innovations = useApiData(load);
  return (
    <section aria-labelledby="innovations-heading">
      <h2 id="innovations-heading">Innovations</h2>
      {innovations.error ? <p className="error-message">{innovations.error.message}</p> : null}
      {!innovations.data && !innovations.error ? <p role="status">Loading innovations…</p> : null}
      {innovations.data?.innovations.length === 0 ? <p>No innovations have been added yet.</p> : null}
      {innovations.data?.innovations.length ? (
        <ul className="card-list">
          {innovations.data.innovations.map((innovation) => (
            <li key={innovation.id}>
              <Link to={`/innovations/${innovation.id}`}>{innovation.name}</Link>{' '}
              <StageTag stage={innovation.stage} />
              <p className="hint">
                From <OrganisationName organisation={innovation.sourceOrganisation} />
              </p>
              <p>{innovation.summary}</p>
              {innovation.evidence.length ? (
                <ul className="innovation-findings" aria-label={`Evidence for ${innovation.name}`}>
                  {innovation.evidence.map((item) => (
                    <li key={item.id}>
                      <FindingTag finding={item.finding} /> {item.claim}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No evidence added yet.</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {innovations.data?.canCreate ? (
        <p>
          <Link to={`/communities/${communityId}/innovations/new`} className="button">
            Add an innovation from your organisation
          </Link>
        </p>
      ) : null}
    </section>
  );
}
