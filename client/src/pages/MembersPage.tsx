import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, memberAbilities, type User } from '@common-ground/shared';
import { getCommunity } from '../api/communities.ts';
import { listInvitations } from '../api/invitations.ts';
import { listMembers } from '../api/members.ts';
import { InvitationList } from '../components/InvitationList.tsx';
import { InviteForm } from '../components/InviteForm.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { MemberRow } from '../components/MemberRow.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/** A community's members with their organisation and role; facilitators manage roles and invitations here. */
export function MembersPage() {
  const { id = '' } = useParams();
  return <RequireUser>{(user) => <Members id={id} user={user} />}</RequireUser>;
}

function Members({ id, user }: { id: string; user: User }) {
  const loadCommunity = useCallback(() => getCommunity(id), [id]);
  const loadMembers = useCallback(() => listMembers(id), [id]);

  const community = useApiData(loadCommunity);
  const members = useApiData(loadMembers);
  const [message, setMessage] = useState<string | null>(null);
  // A removed member's row, and the button that removed them, are gone: the news takes focus instead.
  const status = useRef<HTMLDivElement>(null);
  // Only those who may invite can list invitations: asking otherwise would only earn a 403.
  const canInvite = can(community.data?.role, 'member.invite');
  const loadInvitations = useCallback(
    () => (canInvite ? listInvitations(id) : Promise.resolve([])),
    [id, canInvite],
  );
  const invitations = useApiData(loadInvitations);

  if (community.error) return <LoadProblem error={community.error} what="Community" />;
  if (!community.data) return <p role="status">Loading the community…</p>;
  const { role, name } = community.data;
  const canManage = can(role, 'member.manage');

  return (
    <Page title="Members" caption={name}>
      <p>
        <Link to={`/communities/${id}`}>Back to {name}</Link>
      </p>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      {members.error ? <p className="error-message">{members.error.message}</p> : null}
      {members.data ? (
        <table className="stacked-table">
          <caption className="visually-hidden">Members of {name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Organisation</th>
              <th scope="col">Role</th>
              {canManage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                // The table offers actions on other people; one's own row has none.
                canManage={memberAbilities({ id: user.id, role }, member).remove}
                actionsColumn={canManage}
                onChanged={(text) => {
                  setMessage(text);
                  status.current?.focus();
                  members.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      ) : (
        !members.error && <p role="status">Loading members…</p>
      )}
      {can(role, 'member.invite') ? (
        <>
          <h2 id="invite-heading">Invite someone</h2>
          <InviteForm communityId={id} callerRole={role} onInvited={invitations.reload} />
          <h2>Invitations waiting</h2>
          <InvitationList communityId={id} invitations={invitations} />
        </>
      ) : null}
    </Page>
  );
}
