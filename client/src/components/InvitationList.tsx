import { useRef, useState } from 'react';
import type { Invitation } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { resendInvitation, withdrawInvitation } from '../api/invitations.ts';
import type { ApiData } from '../hooks/useApiData.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ROLE_LABELS } from './roleLabels.ts';
import { formatDateTime } from './formatDateTime.ts';

const isWaiting = (invitation: Invitation) =>
  !invitation.acceptedAt && new Date(invitation.expiresAt).getTime() > Date.now();

/** A community's invitations that are still waiting, each with Resend and Withdraw buttons. */
export function InvitationList({
  communityId,
  invitations,
}: {
  communityId: string;
  invitations: ApiData<Invitation[]>;
}) {
  const { data, error, reload } = invitations;
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The withdrawn invitation's row and its button are gone: the news takes focus instead.
  const status = useRef<HTMLDivElement>(null);
  return (
    <>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {message ? <p className="notice">{message}</p> : null}
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {error ? <p className="error-message">{error.message}</p> : null}
      {!data && !error ? <p role="status">Loading invitations…</p> : null}
      {data ? (
        <WaitingInvitations
          invitations={data.filter(isWaiting)}
          onWithdraw={async (invitation) => {
            setMessage(null);
            setProblem(null);
            try {
              await withdrawInvitation(communityId, invitation.id);
            } catch (failure) {
              // The row stays, and focus goes back to its Withdraw button.
              setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
              return;
            } finally {
              reload();
            }
            setMessage(`The invitation for ${invitation.email} was withdrawn.`);
            status.current?.focus();
          }}
          onResend={async (invitation) => {
            setMessage(null);
            setProblem(null);
            try {
              const resent = await resendInvitation(communityId, invitation.id);
              setMessage(
                resent.emailed
                  ? `We have emailed a new link to ${invitation.email}. The old link no longer works.`
                  : `The email to ${invitation.email} could not be sent. Try again later.`,
              );
            } catch (failure) {
              setProblem(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
            } finally {
              reload();
            }
          }}
        />
      ) : null}
    </>
  );
}

function WaitingInvitations({
  invitations: waiting,
  onWithdraw,
  onResend,
}: {
  invitations: Invitation[];
  onWithdraw(invitation: Invitation): Promise<void>;
  onResend(invitation: Invitation): Promise<void>;
}) {
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
            <td>{formatDateTime(invitation.expiresAt)}</td>
            <td>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void onResend(invitation)}
              >
                Resend <span className="visually-hidden">invitation to {invitation.email}</span>
              </button>
              <ConfirmButton
                label={
                  <>
                    Withdraw <span className="visually-hidden">invitation for {invitation.email}</span>
                  </>
                }
                question={`Withdraw the invitation for ${invitation.email}?`}
                confirmLabel="Yes, withdraw"
                onConfirm={() => onWithdraw(invitation)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
