import { useId, useState } from 'react';
import type { Member } from '@common-ground/shared';
import { listMembers } from '../api/members.ts';
import { organisationLabel } from '../components/organisationLabel.ts';

/** A list of the community's members to mention, for people who would rather pick a name than type it after @. */
export function MentionPicker({
  communityId,
  viewerId,
  onPick,
}: {
  communityId: string;
  viewerId: string | null;
  onPick(name: string): void;
}) {
  const id = useId();
  const [members, setMembers] = useState<Member[] | null>(null);
  const load = () => {
    if (members) return;
    listMembers(communityId).then(setMembers, () => setMembers([]));
  };
  const people = (members ?? []).filter((member) => member.person.id !== viewerId);
  return (
    <div className="form-group mention-picker">
      <label htmlFor={id}>Mention someone (optional)</label>
      <select
        id={id}
        value=""
        onFocus={load}
        onMouseDown={load}
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
      >
        {/* Members load when the list is first focused, so the placeholder never claims to be loading. */}
        <option value="">Choose a person</option>
        {people.map((member) => (
          <option key={member.person.id} value={member.person.displayName}>
            {member.person.displayName}
            {member.person.organisation ? `, ${organisationLabel(member.person.organisation)}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
