import { useState, type FormEvent } from 'react';
import { LIMITS } from '@common-ground/shared';
import { requestEmailChange } from '../api/account.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

const ids = { email: 'change-email', password: 'change-email-password' };

/** Asks to move the account to a new email address; it changes once the link sent there is used. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const problems: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.email = email.trim() ? 'Enter a valid email address' : 'Enter your new email address';
    if (!password) problems.password = 'Enter your password';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      await requestEmailChange({ email, password });
      setSentTo(email.trim());
      setEmail('');
      setPassword('');
      clear();
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="change-email-heading">
      <h2 id="change-email-heading">Change your email address</h2>
      <p>
        You sign in with <strong>{currentEmail}</strong>.
      </p>
      {sentTo ? (
        <div className="notice" role="status">
          <p>
            We have sent a link to <strong>{sentTo}</strong>. Your email address changes when you open it. The
            link works for {LIMITS.emailChangeLinkHours} hours.
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.email}
        label="New email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={errors.fields.email}
      />
      <TextField
        id={ids.password}
        label="Your password"
        hint="To check it is you."
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      <button type="submit" className="button" disabled={busy}>
        Send confirmation link
      </button>
    </form>
  );
}
