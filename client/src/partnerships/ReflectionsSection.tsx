import { useCallback, useState } from 'react';
import type { PartnershipAbilities, Room } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listReflections, shareReflection, withdrawReflection } from '../api/partnerships.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { REFLECTION_QUESTIONS, SOCIAL_DISCIPLINE_TAG_LABELS } from '@common-ground/shared';
import { ReflectionForm } from './ReflectionForm.tsx';

/**
 * Reflections on what did and did not work, in Learning Together's questions: partners-only unless their author
 * shares them with the community, and withdrawable by their author at any time.
 */
export function ReflectionsSection({
  room,
  abilities,
  onChanged,
}: {
  room: Room;
  abilities: PartnershipAbilities;
  onChanged(): void;
}) {
  const load = useCallback(() => listReflections(room.id), [room.id]);
  const { data, error, reload } = useApiData(load);
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      setProblem(null);
      await action();
      setNews(message);
      reload();
      onChanged();
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
  };
  if (error) return <p className="error-message">{error.message}</p>;
  return (
    <section aria-labelledby="reflections-heading" className="partnership-section">
      <h2 id="reflections-heading">Reflections</h2>
      <p className="hint">
        What we hoped, what happened, what made sense at the time, what we learned, and what we will do
        differently. Learning from what did not work is as valuable as learning from what did.
      </p>
      <div role="status" aria-live="polite">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {problem ? <p className="error-message">{problem}</p> : null}
      {!data ? (
        <p role="status">Loading reflections…</p>
      ) : data.length === 0 ? (
        <p>No reflections yet.</p>
      ) : (
        <ul className="card-list">
          {data.map((reflection) => (
            <li key={reflection.id}>
              <p className="card-title">
                {reflection.author.displayName ?? 'Name withheld'}
                {reflection.author.organisationName ? `, ${reflection.author.organisationName}` : ''}{' '}
                <span className="tag tag-grey">
                  {reflection.sharedWithCommunity ? 'Shared with the community' : 'Partners only'}
                </span>
              </p>
              <p className="hint">
                <time dateTime={reflection.createdAt}>{formatDateTime(reflection.createdAt)}</time>
              </p>
              <dl className="summary-list">
                {REFLECTION_QUESTIONS.filter((question) => reflection[question.key]).map((question) => (
                  <div key={question.key}>
                    <dt>{question.label}</dt>
                    <dd>{reflection[question.key]}</dd>
                  </div>
                ))}
              </dl>
              {reflection.tags.length ? (
                <p>{reflection.tags.map((tag) => SOCIAL_DISCIPLINE_TAG_LABELS[tag]).join(', ')}</p>
              ) : null}
              {reflection.abilities.share ? (
                <div className="inline-form">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() =>
                      void act(
                        () => shareReflection(reflection.id, !reflection.sharedWithCommunity, true),
                        reflection.sharedWithCommunity
                          ? 'Your reflection is back to the partners only.'
                          : 'Your reflection is shared with the community.',
                      )
                    }
                  >
                    {reflection.sharedWithCommunity ? 'Keep it to the partners' : 'Share with the community'}
                  </button>
                  <button
                    type="button"
                    className="button button-warning"
                    onClick={() =>
                      void act(() => withdrawReflection(reflection.id), 'Your reflection is withdrawn.')
                    }
                  >
                    Withdraw
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {abilities.record ? (
        <ReflectionForm
          room={room}
          onSaved={() => {
            setNews('Your reflection is saved.');
            reload();
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
