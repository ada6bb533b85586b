import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MyOrganisation } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { removeAffiliation } from '../api/organisations.ts';
import { useSession } from '../hooks/useSession.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

/** The organisations someone belongs to or asked to join, each with a way to leave (the last admin cannot). */
export function YourOrganisations({
  userId,
  organisations,
  onChanged,
}: {
  userId: string;
  organisations: MyOrganisation[];
  onChanged(): void;
}) {
  const { refresh } = useSession();
  const [news, setNews] = useState<{ text: string; problem: boolean } | null>(null);
  const status = useRef<HTMLDivElement>(null);

  const leave = async (entry: MyOrganisation) => {
    try {
      await removeAffiliation(entry.organisation.id, userId);
      setNews({ text: `You have left ${entry.organisation.name}.`, problem: false });
      await refresh();
      onChanged();
    } catch (error) {
      setNews({
        text: error instanceof ApiError ? error.message : 'That did not work. Try again.',
        problem: true,
      });
    }
    // The row (and its button) may be gone: the news is where focus goes next.
    status.current?.focus();
  };

  return (
    <section aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">Your organisations</h2>
      <div ref={status} tabIndex={-1} className="focus-target" role="status">
        {news ? <p className={news.problem ? 'error-message' : 'notice'}>{news.text}</p> : null}
      </div>
      {organisations.length === 0 ? (
        <p>You do not belong to an organisation.</p>
      ) : (
        <ul className="organisation-list">
          {organisations.map((entry) => (
            <li key={entry.organisation.id} className="organisation-entry">
              <p className="organisation-entry-name">
                <strong>{entry.organisation.name}</strong>{' '}
                {entry.status === 'pending' ? (
                  <span className="tag tag-grey">Waiting for confirmation</span>
                ) : (
                  <span className="tag tag-green">{entry.isAdmin ? 'Admin' : 'Confirmed'}</span>
                )}
              </p>
              {entry.leaveProblem ? (
                <p className="hint">{entry.leaveProblem}</p>
              ) : (
                <ConfirmButton
                  label={
                    <>
                      {entry.status === 'pending' ? 'Withdraw request' : 'Leave'}
                      <span className="visually-hidden"> {entry.organisation.name}</span>
                    </>
                  }
                  question={`Leave ${entry.organisation.name}?`}
                  confirmLabel="Yes, leave"
                  onConfirm={() => leave(entry)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/organisation">Find or add your organisation</Link>
      </p>
    </section>
  );
}
