import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signIn } from '../api/auth.ts';
import { fetchSingleSignOn, singleSignOnUrl } from '../api/identity.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useNextParam, useNextPath } from '../hooks/useNextPath.ts';
import { useSession } from '../hooks/useSession.ts';
import { useMountedRef } from '../hooks/useMountedRef.ts';

const ids = { email: 'sign-in-email', password: 'sign-in-password' };

/** Why single sign-on sent the person back here, in words (the server names the reason in `?sso=`). */
const SSO_PROBLEMS: Record<string, string> = {
  'domain-not-allowed':
    'Your organisation’s sign-in worked, but your email address is not at a domain allowed here.',
  'email-not-verified':
    'Your organisation’s sign-in did not confirm that your email address is yours, so we cannot use it here. Sign in or create an account with your email address and a password instead.',
  'no-email':
    'Your organisation’s sign-in did not share your email address, so we cannot sign you in with it.',
  cancelled: 'Signing in with your organisation was cancelled.',
  failed: 'Signing in with your organisation did not work. Try again, or sign in with your password.',
};

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
  const [params] = useSearchParams();
  const ssoProblem = params.get('sso');
  const loadSso = useCallback(() => fetchSingleSignOn(), []);
  const { data: sso } = useApiData(loadSso);

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
      {ssoProblem ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{SSO_PROBLEMS[ssoProblem] ?? SSO_PROBLEMS.failed}</p>
        </div>
      ) : null}
      {sso?.enabled ? (
        <div className="sso-sign-in">
          {/* A plain link: the browser goes to the provider and back, as a page load. */}
          <a className="button" href={singleSignOnUrl(nextParam)}>
            {sso.buttonLabel}
          </a>
          <p className="hint">Or sign in with your email address and password.</p>
        </div>
      ) : null}
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
