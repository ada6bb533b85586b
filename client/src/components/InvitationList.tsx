import type { Invitation } from '@common-ground/shared';
import { withdrawInvitation } from '../api/invitations.ts';
import type { ApiData } from '../hooks/useApiData.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ROLE_LABELS } from './roleLabels.ts';

const formatDate = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const isWaiting = (invitation: Invitation) =>
  !invitation.acceptedAt && new Date(invitation.expiresAt).getTime() > Date.now();

/** A community's invitations that are still waiting, each with a Withdraw button. */
export function InvitationList({
  communityId,
  invitations,
}: {
  communityId: string;
  invitations: ApiData<Invitation[]>;
}) {
  const { data, error, reload } = invitations;
  if (error) return <p className="error-message">{error.message}</p>;
  if (!data) return <p role="status">Loading invitations…</p>;
  const waiting = data.filter(isWaiting);
  if (!waiting.length) return <p>No invitations are waiting.</p>;
  return (
    <table>
      <caption className="visually-hidden">Invitations waiting to be accepted</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {waiting.map((invitation) => (
          <tr key={invitation.id}>
            <td>{invitation.email}</td>
            <td>{ROLE_LABELS[invitation.role]}</td>
            <td>{formatDate(invitation.expiresAt)}</td>
            <td>
              <ConfirmButton
                label={
                  <>
                    Withdraw <span className="visually-hidden">invitation for {invitation.email}</span>
                  </>
                }
                question={`Withdraw the invitation for ${invitation.email}?`}
                confirmLabel="Yes, withdraw"
                onConfirm={async () => {
                  await withdrawInvitation(communityId, invitation.id).catch(() => undefined);
                  reload();
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
