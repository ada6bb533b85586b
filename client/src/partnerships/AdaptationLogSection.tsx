import { useCallback, useState } from 'react';
import { getAdaptations } from '../api/partnerships.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { AdaptationEntryCard } from './AdaptationEntryCard.tsx';

/**
 * The adaptation log: for each recipient, each core function and adaptable feature, what it chose, what changed and
 * why, and what families said; the source's reply; and how the two sides settled it.
 */
export function AdaptationLogSection({ roomId }: { roomId: string }) {
  const load = useCallback(() => getAdaptations(roomId), [roomId]);
  const { data, error, reload } = useApiData(load);
  const [news, setNews] = useState<string | null>(null);
  if (error) return <p className="error-message">{error.message}</p>;
  if (!data) return <p role="status">Loading the adaptation log…</p>;
  return (
    <section aria-labelledby="adaptations-heading" className="partnership-section">
      <h2 id="adaptations-heading">Adaptation log</h2>
      <div role="status" aria-live="polite">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {data.innovation ? (
        <p>
          How each recipient is taking up <strong>{data.innovation.name}</strong>. Changing a core function is
          a conversation between both sides, not a breach.
        </p>
      ) : (
        <p>This partnership has not linked an innovation yet, so there is nothing to adapt.</p>
      )}
      <ul className="card-list adaptation-list">
        {data.entries.map((entry) => (
          <AdaptationEntryCard
            key={`${entry.recipientOrganisationId}-${entry.itemId}`}
            roomId={roomId}
            entry={entry}
            abilities={data.abilities}
            onSaved={(message) => {
              setNews(message);
              reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
