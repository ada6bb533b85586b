import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { confirmEmailChange } from '../api/account.ts';
import { ApiError } from '../api/apiClient.ts';
import { Page } from '../components/Page.tsx';
import { useSession } from '../hooks/useSession.ts';

/** The page the link sent to a new email address opens: one button confirms the change. */
export function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { refresh } = useSession();

  const confirm = async () => {
    setBusy(true);
    try {
      setConfirmed(await confirmEmailChange(token));
      await refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (confirmed)
    return (
      <Page title="Your email address has changed">
        <p>
          Sign in with <strong>{confirmed}</strong> from now on.
        </p>
        <p>
          <Link to="/">Go to Common Ground</Link>
        </p>
      </Page>
    );
  if (problem)
    return (
      <Page title="This link cannot be used">
        <p>{problem}</p>
        <p>
          <Link to="/account">Go to your account to ask again</Link>
        </p>
      </Page>
    );
  return (
    <Page title="Confirm your new email address">
      <p>Your Common Ground account will use the address this link was sent to.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
        Confirm email address
      </button>
    </Page>
  );
}
