import { useState } from 'react';
import { ORGANISATION_KIND_LABELS, type Organisation } from '@common-ground/shared';
import { searchOrganisations } from '../api/organisations.ts';
import { ApiError } from '../api/apiClient.ts';
import { OrganisationName } from './OrganisationName.tsx';

/** Searches organisations by name and offers one action (such as "Ask to join") on each result. */
export function OrganisationSearch({
  idPrefix,
  label,
  actionLabel,
  onChoose,
  exclude = [],
}: {
  idPrefix: string;
  label: string;
  actionLabel: string;
  onChoose(organisation: Organisation): Promise<void> | void;
  exclude?: readonly string[];
}) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Organisation[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    try {
      setProblem(null);
      setResults(await searchOrganisations(search));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The search failed. Try again.');
    }
  };
  const shown = results?.filter((organisation) => !exclude.includes(organisation.id)) ?? null;

  return (
    <div className="organisation-search">
      {/* Not a <form>: this search also sits inside the create-room form, and forms cannot nest. */}
      <div role="search" aria-label={`Search: ${label}`}>
        <div className="form-group">
          <label htmlFor={`${idPrefix}-search`}>{label}</label>
          <p className="hint" id={`${idPrefix}-search-hint`}>
            Type part of the name, for example &ldquo;Leeds&rdquo;.
          </p>
          <div className="search-row">
            <input
              id={`${idPrefix}-search`}
              type="search"
              value={search}
              aria-describedby={`${idPrefix}-search-hint`}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                void run();
              }}
            />
            <button type="button" className="button button-secondary" onClick={() => void run()}>
              Search
            </button>
          </div>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {problem ? <p className="error-message">{problem}</p> : null}
        {/* Only when the search found nothing: results hidden because the person already chose one are not "no match". */}
        {results && results.length === 0 ? <p>No organisations match &ldquo;{search}&rdquo;.</p> : null}
        {shown && shown.length > 0 ? (
          <p className="visually-hidden">
            {shown.length} {shown.length === 1 ? 'organisation' : 'organisations'} found.
          </p>
        ) : null}
      </div>
      {shown && shown.length > 0 ? (
        <ul className="card-list">
          {shown.map((organisation) => (
            <li key={organisation.id} className="card-row">
              <span>
                <strong>
                  <OrganisationName organisation={organisation} />
                </strong>
                <br />
                <span className="hint">
                  {ORGANISATION_KIND_LABELS[organisation.kind]}
                  {organisation.region ? `, ${organisation.region}` : ''}
                </span>
              </span>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void onChoose(organisation)}
              >
                {actionLabel} <span className="visually-hidden">{organisation.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
