import { useCallback, useRef, useState } from 'react';
import { organisationAbilities, organisationRoleOf, type Organisation } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listAffiliations, removeAffiliation, updateAffiliation } from '../api/organisations.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

/** An organisation's people; its admins also confirm or decline requests to join and appoint other admins. */
export function OrganisationPeople({ organisation, userId }: { organisation: Organisation; userId: string }) {
  const load = useCallback(() => listAffiliations(organisation.id), [organisation.id]);
  const { data, error, reload } = useApiData(load);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Each action removes the button that was pressed (and often its row), so the news takes focus instead.
  const status = useRef<HTMLDivElement>(null);

  if (error) return <p className="error-message">{error.message}</p>;
  if (!data) return <p role="status">Loading people…</p>;
  // The list always holds the viewer's own confirmed row; each person also carries what the server lets us do.
  const { administer } = organisationAbilities(
    organisationRoleOf(data.find((person) => person.userId === userId)),
  );
  const pending = data.filter((person) => person.status === 'pending');
  const confirmed = data.filter((person) => person.status === 'confirmed');

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      setProblem(null);
      setMessage(null);
      await action();
      setMessage(done);
      status.current?.focus();
    } catch (failure) {
      setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
    reload();
  };

  return (
    <>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {administer ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">Requests to join</h2>
          <p>
            Only confirm people you know work for {organisation.name}. Until you do, they cannot speak for it.
          </p>
          {pending.length === 0 ? <p>There are no requests waiting.</p> : null}
          <ul className="card-list">
            {pending.map((person) => (
              <li key={person.userId} className="card-row">
                <span>
                  <strong>{person.displayName}</strong>
                  {person.email ? <span className="hint"> ({person.email})</span> : null}
                  {person.webmail ? (
                    <>
                      <br />
                      <span className="tag tag-grey">Free webmail address</span>{' '}
                      <span className="hint">
                        It does not show where they work: check before you confirm.
                      </span>
                    </>
                  ) : null}
                  {person.byEmailDomain ? (
                    <>
                      <br />
                      <span className="hint">
                        Asked automatically: their verified address is at your email domain.
                      </span>
                    </>
                  ) : null}
                </span>
                <span className="actions">
                  {person.abilities?.update ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        void act(
                          () => updateAffiliation(organisation.id, person.userId, { status: 'confirmed' }),
                          `${person.displayName} is confirmed as working for ${organisation.name}.`,
                        )
                      }
                    >
                      Confirm <span className="visually-hidden">{person.displayName}</span>
                    </button>
                  ) : null}
                  {person.abilities?.remove ? (
                    <ConfirmButton
                      label={
                        <>
                          Decline <span className="visually-hidden">{person.displayName}</span>
                        </>
                      }
                      question={`Decline ${person.displayName}'s request?`}
                      confirmLabel="Yes, decline"
                      onConfirm={() =>
                        act(
                          () => removeAffiliation(organisation.id, person.userId),
                          `${person.displayName}’s request was declined.`,
                        )
                      }
                    />
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People confirmed at {organisation.name}</h2>
        <ul className="card-list">
          {confirmed.map((person) => (
            <li key={person.userId} className="card-row">
              <span>
                <strong>{person.displayName}</strong>{' '}
                {person.isAdmin ? <span className="tag tag-green">Admin</span> : null}
              </span>
              {person.abilities?.update && !person.isAdmin ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    void act(
                      () => updateAffiliation(organisation.id, person.userId, { isAdmin: true }),
                      `${person.displayName} is now an admin.`,
                    )
                  }
                >
                  Make admin <span className="visually-hidden">{person.displayName}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
