import { useCallback, useRef, useState } from 'react';
import { COMMUNITY_ROLES, type CommunityRole } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { listSetMembers, putSetMember } from '../api/learningSets.ts';
import { listMembers } from '../api/members.ts';
import { ROLE_LABELS } from '../components/roleLabels.ts';
import { SelectField } from '../components/SelectField.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { SetMemberRow } from './SetMemberRow.tsx';

const ROLE_OPTIONS = COMMUNITY_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/**
 * A learning set's own people, and whether each agreed to the ground rules in force. The set's facilitators add
 * people from the community, change their roles and remove them; a community facilitator outside the set only sees
 * who is in it.
 */
export function SetPeopleSection({ roomId, communityId }: { roomId: string; communityId: string }) {
  const loadSet = useCallback(() => listSetMembers(roomId), [roomId]);
  const set = useApiData(loadSet);
  const manage = set.data?.set.abilities.manage ?? false;
  const loadCommunity = useCallback(
    () => (manage ? listMembers(communityId) : Promise.resolve([])),
    [communityId, manage],
  );
  const community = useApiData(loadCommunity);
  const [chosen, setChosen] = useState('');
  const [role, setRole] = useState<CommunityRole>('member');
  const [problem, setProblem] = useState<string | undefined>();
  const [news, setNews] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);

  if (set.error) return <p className="error-message">{set.error.message}</p>;
  if (!set.data) return <p role="status">Loading the set’s people…</p>;
  const { members, set: state } = set.data;
  const actions = members.some((member) => member.abilities.remove || member.abilities.leave);
  const listed = new Set(members.map((member) => member.userId));
  const candidates = (community.data ?? []).filter((member) => !listed.has(member.userId));
  const changed = (text: string) => {
    setNews(text);
    status.current?.focus();
    set.reload();
  };

  return (
    <section aria-labelledby="set-people-heading">
      <h2 id="set-people-heading">People in this set</h2>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {manage && state.groundRulesRevision !== null ? (
        <p>
          {members.filter((member) => !member.agreed).length} of {members.length} have not yet agreed to the
          ground rules in force.
        </p>
      ) : null}
      {/* Focusable so keyboard users can scroll it when it is wider than a phone. */}
      <div className="table-scroll" role="region" aria-label="People in this learning set" tabIndex={0}>
        <table className="stacked-table">
          <caption className="visually-hidden">People in this learning set</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Ground rules</th>
              {actions ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <SetMemberRow
                key={member.userId}
                roomId={roomId}
                member={member}
                actionsColumn={actions}
                onChanged={changed}
              />
            ))}
          </tbody>
        </table>
      </div>
      {manage ? (
        <form
          aria-labelledby="add-to-set-heading"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return setProblem('Choose someone from the community');
            const name = candidates.find((member) => member.userId === chosen)?.person.displayName ?? 'They';
            putSetMember(roomId, chosen, role).then(
              () => {
                setProblem(undefined);
                setChosen('');
                changed(`${name} is now in the set as ${ROLE_LABELS[role]}.`);
              },
              (error: unknown) =>
                setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.'),
            );
          }}
        >
          <h3 id="add-to-set-heading">Add someone from the community</h3>
          {candidates.length === 0 ? (
            <p>Everyone in the community is already in this set.</p>
          ) : (
            <>
              <SelectField
                id="add-to-set-person"
                label="Person"
                error={problem}
                value={chosen}
                options={candidates.map((member) => ({
                  value: member.userId,
                  label: member.person.displayName,
                }))}
                onChange={setChosen}
              />
              <SelectField
                id="add-to-set-role"
                label="Role in the set"
                value={role}
                options={ROLE_OPTIONS}
                onChange={setRole}
              />
              <button type="submit" className="button">
                Add to the set
              </button>
            </>
          )}
        </form>
      ) : null}
    </section>
  );
}
