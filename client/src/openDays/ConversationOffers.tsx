import { useState, type FormEvent } from 'react';
import type { OpenDayDashboard } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDaysApi } from '../api/openDays.ts';
import { formatDateTime } from '../components/formatDateTime.ts';

type Talker = OpenDayDashboard['wouldLikeToTalk'][number];

/**
 * Visitors who would like to talk about adopting: the host offers each a conversation by email. The visitor's own
 * organisation, not the host, then starts any partnership.
 */
export function ConversationOffers({
  openDayId,
  people,
  onOffered,
}: {
  openDayId: string;
  people: Talker[];
  onOffered(): void;
}) {
  return (
    <section aria-labelledby="talk-heading">
      <h2 id="talk-heading">Who would like to talk about adopting this</h2>
      {people.length === 0 ? <p>Nobody has asked yet.</p> : null}
      <ul className="card-list">
        {people.map((person) => (
          <li key={person.registrationId}>
            <strong>{person.displayName}</strong>, {person.organisationName}
            {person.conversationOfferedAt ? (
              <p className="hint">
                You offered a conversation on {formatDateTime(person.conversationOfferedAt)}.
              </p>
            ) : (
              <OfferForm openDayId={openDayId} person={person} onOffered={onOffered} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OfferForm({
  openDayId,
  person,
  onOffered,
}: {
  openDayId: string;
  person: Talker;
  onOffered(): void;
}) {
  const [message, setMessage] = useState(
    `Thank you for coming. We would be glad to talk about what adopting this could look like for ${person.organisationName}.`,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const id = `offer-${person.registrationId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setProblem('Write a message first.');
    try {
      await openDaysApi.offerConversation(openDayId, person.registrationId, message.trim());
      onOffered();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={`Offer ${person.displayName} a conversation`}
    >
      <div className={problem ? 'form-group form-group-error' : 'form-group'}>
        <label htmlFor={id}>Message to {person.displayName}</label>
        {problem ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <textarea
          id={id}
          rows={3}
          value={message}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-secondary">
        Offer a conversation by email
      </button>
    </form>
  );
}
