import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { invitationAbilities } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { acceptInvitation, previewInvitation } from '../api/invitations.ts';
import { Page } from '../components/Page.tsx';
import { SessionUnavailable } from '../components/SessionUnavailable.tsx';
import { ROLE_HINTS, ROLE_LABELS } from '../components/roleLabels.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { useSession } from '../hooks/useSession.ts';
import { useMountedRef } from '../hooks/useMountedRef.ts';

/** An invitation link: which community and role, sign in or up first if needed, then accept. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { session } = useSession();
  if (session.status === 'loading') return <p role="status">Loading…</p>;
  if (session.status === 'unavailable') return <SessionUnavailable message={session.message} />;
  if (session.status !== 'user') {
    const next = encodeURIComponent(`/invitations/${token}`);
    return (
      <Page title="You have been invited to a community">
        <p>
          Someone has invited you to join a community of practice on Common Ground, where organisations in
          children&apos;s social care learn together.
        </p>
        <p>
          Sign in, or create an account with the email address the invitation was sent to. You will come back
          here.
        </p>
        <p>
          <Link className="button" to={`/sign-up?next=${next}`}>
            Create an account
          </Link>
          <Link className="button button-secondary" to={`/sign-in?next=${next}`}>
            Sign in
          </Link>
        </p>
      </Page>
    );
  }
  return <InvitationPreview token={token} email={session.user.email} />;
}

function problemTitle(error: ApiError): string {
  if (error.status === 410) return 'This invitation can no longer be used';
  if (error.status === 403) return 'This invitation is for someone else';
  if (error.status === 404 || error.status === 400) return 'This invitation link is not valid';
  return 'Sorry, something went wrong';
}

function InvitationProblem({ error }: { error: ApiError }) {
  return (
    <Page title={problemTitle(error)}>
      <p>{error.message}</p>
      {error.status === 410 ? <p>Ask the facilitator who invited you to send a new invitation.</p> : null}
      {error.status === 404 ? <p>Check that you copied the whole link.</p> : null}
      <p>
        <Link to="/communities">Go to your communities</Link>
      </p>
    </Page>
  );
}

function InvitationPreview({ token, email }: { token: string; email: string }) {
  const load = useCallback(() => previewInvitation(token), [token]);
  const { data, error } = useApiData(load);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const mounted = useMountedRef();

  if (error) return <InvitationProblem error={error} />;
  if (failure) return <InvitationProblem error={failure} />;
  if (!data) return <p role="status">Loading the invitation…</p>;

  const accept = async () => {
    setBusy(true);
    try {
      const membership = await acceptInvitation(token);
      if (mounted.current) navigate(`/communities/${membership.communityId}`);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError('internal', 'Please try again.', 0));
      setBusy(false);
    }
  };

  return (
    <Page title={`Join ${data.communityName}`} caption="Invitation">
      <dl className="summary-list">
        <div>
          <dt>Community</dt>
          <dd>{data.communityName}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd>
            {ROLE_LABELS[data.role]}
            <br />
            <span className="hint">{ROLE_HINTS[data.role]}</span>
          </dd>
        </div>
        <div>
          <dt>Invitation for</dt>
          <dd>{data.email}</dd>
        </div>
      </dl>
      {!invitationAbilities({ email }, data).accept ? (
        <div className="warning-text">
          <p>
            You are signed in as {email}, but this invitation is for {data.email}. Sign out and sign in with
            that address to accept it.
          </p>
        </div>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={() => void accept()}>
        Accept invitation
      </button>
    </Page>
  );
}
