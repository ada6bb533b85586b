import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LIMITS } from '@common-ground/shared';
import { requestPasswordReset } from '../api/account.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';

const ids = { email: 'forgotten-email' };

/** Asks for a password reset link; says the same thing whether or not the address has an account. */
export function ForgottenPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      return fail({ email: email.trim() ? 'Enter a valid email address' : 'Enter your email address' });
    setBusy(true);
    try {
      await requestPasswordReset(email);
      setSentTo(email.trim());
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  if (sentTo)
    return (
      <Page title="Check your email">
        <p>
          If <strong>{sentTo}</strong> has a Common Ground account, we have sent it a link to choose a new
          password. The link works once, for {LIMITS.passwordResetLinkMinutes} minutes.
        </p>
        <p>If nothing arrives in a few minutes, check your spam folder or ask again.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </Page>
    );

  return (
    <Page title="Forgotten your password?">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={ids.email}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <button type="submit" className="button" disabled={busy}>
          Send me a reset link
        </button>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
