import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { signIn } from '../api/auth.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useNextParam, useNextPath } from '../hooks/useNextPath.ts';
import { useSession } from '../hooks/useSession.ts';
import { useMountedRef } from '../hooks/useMountedRef.ts';

const ids = { email: 'sign-in-email', password: 'sign-in-password' };

/** Sign in with email and password, then go where the person was going (such as an invitation link). */
export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const mounted = useMountedRef();
  const nextParam = useNextParam();
  const next = useNextPath();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems.email = 'Enter your email address';
    if (!password) problems.password = 'Enter your password';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      signedIn(await signIn({ email, password }));
      if (mounted.current) navigate(next);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Sign in">
      <ErrorSummary errors={errors} fieldIds={ids} />
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
        <TextField
          id={ids.password}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <p>
          <Link to="/forgotten-password">Forgotten your password?</Link>
        </p>
        <button type="submit" className="button" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        New to Common Ground?{' '}
        <Link to={nextParam ? `/sign-up?next=${encodeURIComponent(nextParam)}` : '/sign-up'}>
          Create an account
        </Link>
      </p>
    </Page>
  );
}
