import { useCallback } from 'react';
import { REFLECTION_QUESTIONS } from '@common-ground/shared';
import { listCommunityReflections } from '../api/partnerships.ts';
import { useApiData } from '../hooks/useApiData.ts';

/** Reflections their authors shared with the whole community, shown as the authors chose to be named. */
export function SharedReflections({ communityId }: { communityId: string }) {
  const load = useCallback(() => listCommunityReflections(communityId), [communityId]);
  const { data } = useApiData(load);
  if (!data?.length) return null;
  return (
    <section aria-labelledby="shared-reflections-heading">
      <h2 id="shared-reflections-heading">Learning from partnerships</h2>
      <p className="hint">Reflections partners chose to share, including on what did not work.</p>
      <ul className="card-list">
        {data.map((reflection) => (
          <li key={reflection.id}>
            <p className="card-title">
              {reflection.author.organisationName ?? 'A partner organisation'}
              {reflection.author.displayName ? `: ${reflection.author.displayName}` : ''}
            </p>
            <dl className="summary-list">
              {REFLECTION_QUESTIONS.filter((question) => reflection[question.key]).map((question) => (
                <div key={question.key}>
                  <dt>{question.label}</dt>
                  <dd>{reflection[question.key]}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
