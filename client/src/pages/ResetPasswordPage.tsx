import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { LIMITS } from '@common-ground/shared';
import { resetPassword } from '../api/account.ts';
import { ApiError } from '../api/apiClient.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useSession } from '../hooks/useSession.ts';

const ids = { password: 'reset-password', confirm: 'reset-password-confirm' };

/** The page an emailed reset link opens: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const { errors, fail, failWith } = useFormErrors();
  const { signedOut } = useSession();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (password.length < LIMITS.passwordMinLength)
      problems.password = `Enter a password of at least ${LIMITS.passwordMinLength} characters`;
    else if (confirm !== password) problems.confirm = 'Enter the same password twice';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      await resetPassword({ token, password });
      // Every session of the account has ended, this browser's included.
      signedOut();
      setDone(true);
    } catch (error) {
      if (
        error instanceof ApiError &&
        [400, 404, 410].includes(error.status) &&
        !error.fieldErrors().password
      )
        setLinkProblem(error.message);
      else failWith(error);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Page title="Your password has been reset">
        <p>You have been signed out everywhere. Sign in with your new password.</p>
        <p>
          <Link className="button" to="/sign-in">
            Sign in
          </Link>
        </p>
      </Page>
    );

  if (linkProblem)
    return (
      <Page title="This reset link cannot be used">
        <p>{linkProblem}</p>
        <p>
          <Link to="/forgotten-password">Ask for a new reset link</Link>
        </p>
      </Page>
    );

  return (
    <Page title="Choose a new password">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={ids.password}
          label="New password"
          hint={`At least ${LIMITS.passwordMinLength} characters. A few unrelated words work well.`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <TextField
          id={ids.confirm}
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={errors.fields.confirm}
        />
        <button type="submit" className="button" disabled={busy}>
          Reset password
        </button>
      </form>
    </Page>
  );
}
