import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/apiClient.ts';
import { verifyEmail } from '../api/identity.ts';
import { Page } from '../components/Page.tsx';
import { useSession } from '../hooks/useSession.ts';

/** The page the link sent at sign-up opens: one button verifies the address (a button, so link scanners cannot). */
export function VerifyEmailPage() {
  const { token = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [verified, setVerified] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { refresh } = useSession();

  const verify = async () => {
    setBusy(true);
    try {
      setVerified(await verifyEmail(token));
      await refresh();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Something went wrong. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (verified)
    return (
      <Page title="Your email address is verified">
        <p>
          Thank you. <strong>{verified}</strong> is verified. If your organisation lists your email domain,
          you have asked to join it and its admins will confirm you.
        </p>
        <p>
          <Link to="/organisation">See your organisation</Link>
        </p>
      </Page>
    );
  if (problem)
    return (
      <Page title="This link cannot be used">
        <p>{problem}</p>
        <p>
          <Link to="/account">Go to your account to ask for a new link</Link>
        </p>
      </Page>
    );
  return (
    <Page title="Verify your email address">
      <p>This shows that the email address on your Common Ground account is yours.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
        Verify email address
      </button>
    </Page>
  );
}
