import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { OPTIONAL_EMAIL_NAMES, type OptionalEmailKind } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { checkUnsubscribe, unsubscribe } from '../api/settings.ts';
import { Page } from '../components/Page.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/**
 * Where an email's unsubscribe link lands, signed in or not. Opening it changes nothing (mail scanners open links);
 * the button turns that kind of email off.
 */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const load = useCallback(() => checkUnsubscribe(token), [token]);
  const check = useApiData(load);
  const [done, setDone] = useState<OptionalEmailKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setDone(await unsubscribe(token));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
      result.current?.focus();
    }
  };

  if (check.error) {
    return (
      <Page title="This unsubscribe link does not work">
        <p>It may have been copied only in part. Nothing has changed.</p>
        <p>
          You can choose which emails you get in <Link to="/account">your account settings</Link> after
          signing in.
        </p>
      </Page>
    );
  }
  if (!check.data) return <p role="status">Loading…</p>;
  const what = OPTIONAL_EMAIL_NAMES[check.data];
  return (
    <Page title={done ? 'You are unsubscribed' : `Stop ${what}?`}>
      <div ref={result} tabIndex={-1} className="focus-target" role="status">
        {done ? (
          <div className="notice">
            <p>We will not send you {OPTIONAL_EMAIL_NAMES[done]} any more.</p>
          </div>
        ) : null}
        {problem ? <p className="error-message">{problem}</p> : null}
      </div>
      {done ? (
        <p>
          You can turn them back on in <Link to="/account">your account settings</Link>.
        </p>
      ) : (
        <>
          <p>You do not need to sign in. Emails about your account, such as password changes, still come.</p>
          <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
            Stop {what}
          </button>
        </>
      )}
    </Page>
  );
}
