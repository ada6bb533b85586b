import { useState } from 'react';
import { COMMUNITY_ROLES, type CommunityRole, type SetMember } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { putSetMember, removeSetMember } from '../api/learningSets.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ROLE_LABELS } from '../components/roleLabels.ts';
import { OrganisationName } from '../components/OrganisationName.tsx';

/** One of a set's people; the set's facilitators change their role or remove them, and anyone may leave. */
export function SetMemberRow({
  roomId,
  member,
  actionsColumn,
  onChanged,
}: {
  roomId: string;
  member: SetMember;
  /** Whether the table has an actions column. */
  actionsColumn: boolean;
  onChanged(message: string): void;
}) {
  const [role, setRole] = useState<CommunityRole>(member.role);
  const [problem, setProblem] = useState<string | null>(null);
  const name = member.person.displayName;
  const selectId = `set-role-${member.userId}`;
  const { changeRole, remove, leave } = member.abilities;
  // Only one's own row offers leaving, so it is the row to word as oneself.
  const isSelf = leave;

  const act = async (action: () => Promise<unknown>, message: string) => {
    try {
      setProblem(null);
      await action();
      onChanged(message);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    }
  };

  return (
    <tr>
      <th scope="row">
        {name}
        {member.person.organisation ? (
          <span className="hint">
            {' '}
            <OrganisationName organisation={member.person.organisation} />
          </span>
        ) : null}
      </th>
      <td data-label="Role">
        {changeRole ? (
          <div className="inline-form">
            <label htmlFor={selectId} className="visually-hidden">
              Role in the set for {name}
            </label>
            <select
              id={selectId}
              value={role}
              onChange={(event) => setRole(event.target.value as CommunityRole)}
            >
              {COMMUNITY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-secondary"
              disabled={role === member.role}
              onClick={() =>
                void act(
                  () => putSetMember(roomId, member.userId, role),
                  `${name} is now ${ROLE_LABELS[role]} in the set.`,
                )
              }
            >
              Change role <span className="visually-hidden">for {name}</span>
            </button>
          </div>
        ) : (
          ROLE_LABELS[member.role]
        )}
        {problem ? <p className="error-message">{problem}</p> : null}
      </td>
      <td data-label="Ground rules">{member.agreed ? 'Agreed' : 'Not yet agreed'}</td>
      {remove || leave ? (
        <td>
          <ConfirmButton
            label={
              isSelf ? (
                'Leave the set'
              ) : (
                <>
                  Remove <span className="visually-hidden">{name}</span>
                </>
              )
            }
            question={isSelf ? 'Leave this learning set?' : `Remove ${name} from this learning set?`}
            confirmLabel={isSelf ? 'Yes, leave' : 'Yes, remove'}
            onConfirm={() =>
              act(
                () => removeSetMember(roomId, member.userId),
                isSelf ? 'You left the set.' : `${name} was removed from the set.`,
              )
            }
          />
        </td>
      ) : actionsColumn ? (
        <td />
      ) : null}
    </tr>
  );
}
