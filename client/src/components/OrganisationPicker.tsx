import type { Organisation } from '@common-ground/shared';
import { OrganisationSearch } from './OrganisationSearch.tsx';
import { OrganisationName } from './OrganisationName.tsx';

/** Chooses organisations for a partnership room by searching: one (source) or several (recipients). */
export function OrganisationPicker({
  id,
  legend,
  hint,
  error,
  chosen,
  multiple,
  exclude,
  onChange,
}: {
  id: string;
  legend: string;
  hint: string;
  error?: string | undefined;
  chosen: Organisation[];
  multiple: boolean;
  exclude: readonly string[];
  onChange(chosen: Organisation[]): void;
}) {
  const add = (organisation: Organisation) =>
    onChange(multiple ? [...chosen.filter((o) => o.id !== organisation.id), organisation] : [organisation]);
  return (
    <fieldset
      className={error ? 'form-group form-group-error fieldset' : 'form-group fieldset'}
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
    >
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {chosen.length ? (
        <ul className="chosen-list" aria-label={`Chosen: ${legend}`}>
          {chosen.map((organisation) => (
            <li key={organisation.id}>
              <OrganisationName organisation={organisation} />{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(chosen.filter((o) => o.id !== organisation.id))}
              >
                Remove <span className="visually-hidden">{organisation.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>None chosen yet.</p>
      )}
      <OrganisationSearch
        idPrefix={id}
        label={multiple ? 'Find a recipient organisation' : 'Find the source organisation'}
        actionLabel={multiple ? 'Add' : 'Choose'}
        exclude={[...exclude, ...chosen.map((o) => o.id)]}
        onChoose={add}
      />
    </fieldset>
  );
}
