import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '@common-ground/shared';
import { register } from '../api/auth.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useNextParam, useNextPath } from '../hooks/useNextPath.ts';
import { useSession } from '../hooks/useSession.ts';
import { useMountedRef } from '../hooks/useMountedRef.ts';

const ids = { displayName: 'sign-up-name', email: 'sign-up-email', password: 'sign-up-password' };

/** Create an account: name, work email and password; then continue to where the person was going. */
export function SignUpPage() {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const mounted = useMountedRef();
  const nextParam = useNextParam();
  const next = useNextPath('/organisation');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!displayName.trim()) problems.displayName = 'Enter your name';
    if (!email.trim()) problems.email = 'Enter your work email address';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.email = 'Enter an email address in the right format, like name@council.gov.uk';
    if (password.length < LIMITS.passwordMinLength)
      problems.password = `Enter a password of at least ${LIMITS.passwordMinLength} characters`;
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      signedIn(await register({ displayName, email, password }));
      if (mounted.current) navigate(next);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Create an account">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <p>
        Use your work email address. You will then tell us which organisation you work for, so others know who
        they are learning with.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={ids.displayName}
          label="Your name"
          hint="Shown to the people you learn with."
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.fields.displayName}
        />
        <TextField
          id={ids.email}
          label="Work email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <TextField
          id={ids.password}
          label="Password"
          hint={`At least ${LIMITS.passwordMinLength} characters. A few unrelated words work well.`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <button type="submit" className="button" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account?{' '}
        <Link to={nextParam ? `/sign-in?next=${encodeURIComponent(nextParam)}` : '/sign-in'}>Sign in</Link>
      </p>
    </Page>
  );
}
