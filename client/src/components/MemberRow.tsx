import { useState } from 'react';
import { COMMUNITY_ROLES, type CommunityRole, type Member } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { changeMemberRole, removeMember } from '../api/members.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ROLE_LABELS } from './roleLabels.ts';
import { OrganisationName } from './OrganisationName.tsx';

/** One member in the members table; people who manage members can change their role or remove them. */
export function MemberRow({
  member,
  canManage,
  actionsColumn,
  onChanged,
}: {
  member: Member;
  canManage: boolean;
  /** Whether the table has an actions column (this row may still have no actions, e.g. for oneself). */
  actionsColumn: boolean;
  onChanged(message: string): void;
}) {
  const [role, setRole] = useState<CommunityRole>(member.role);
  const [problem, setProblem] = useState<string | null>(null);
  const name = member.person.displayName;
  const selectId = `role-${member.userId}`;

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
      <th scope="row">{name}</th>
      <td data-label="Organisation">
        {member.person.organisation ? (
          <OrganisationName
            organisation={member.person.organisation}
            to={`/organisations/${member.person.organisation.id}`}
          />
        ) : (
          'No organisation given'
        )}
      </td>
      <td data-label="Role">
        {canManage ? (
          <div className="inline-form">
            <label htmlFor={selectId} className="visually-hidden">
              Role for {name}
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
                  () => changeMemberRole(member.communityId, member.userId, role),
                  `${name} is now ${ROLE_LABELS[role]}.`,
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
      {canManage ? (
        <td>
          <ConfirmButton
            label={
              <>
                Remove <span className="visually-hidden">{name}</span>
              </>
            }
            question={`Remove ${name} from this community?`}
            confirmLabel="Yes, remove"
            onConfirm={() =>
              act(
                () => removeMember(member.communityId, member.userId),
                `${name} was removed from the community.`,
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
