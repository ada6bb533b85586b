import { useCallback } from 'react';
import { INNOVATION_LIMITS } from '@common-ground/shared';
import { listMembers } from '../api/members.ts';
import { useApiData } from '../hooks/useApiData.ts';

/** Checkboxes for the people others may contact about the innovation: community members of its source organisation. */
export function ContactFields({
  communityId,
  organisationId,
  chosen,
  onChange,
  error,
}: {
  communityId: string;
  organisationId: string;
  chosen: string[];
  onChange(contacts: string[]): void;
  error: string | undefined;
}) {
  const load = useCallback(() => listMembers(communityId), [communityId]);
  const members = useApiData(load);
  const people = (members.data ?? [])
    .map((member) => member.person)
    .filter((person) => person.organisation?.id === organisationId);
  return (
    <fieldset
      className={error ? 'form-group form-group-error fieldset' : 'form-group fieldset'}
      id="innovation-contacts"
      aria-describedby="innovation-contacts-hint"
    >
      <legend>Contacts (optional)</legend>
      <p className="hint" id="innovation-contacts-hint">
        People in this community from your organisation whom others may ask about it, up to{' '}
        {INNOVATION_LIMITS.contacts}.
      </p>
      {error ? (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {members.error ? <p className="error-message">{members.error.message}</p> : null}
      {members.data && !people.length ? <p>Nobody from your organisation is in this community yet.</p> : null}
      {people.map((person) => {
        const checked = chosen.includes(person.id);
        return (
          <div className="checkbox" key={person.id}>
            <input
              type="checkbox"
              id={`innovation-contact-${person.id}`}
              checked={checked}
              disabled={!checked && chosen.length >= INNOVATION_LIMITS.contacts}
              onChange={() =>
                onChange(checked ? chosen.filter((id) => id !== person.id) : [...chosen, person.id])
              }
            />{' '}
            <label htmlFor={`innovation-contact-${person.id}`}>{person.displayName}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
