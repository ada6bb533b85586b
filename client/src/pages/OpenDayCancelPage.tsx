import { useRef, useState } from 'react';
import { ApiError } from '../api/apiClient.ts';
import { openDayPassApi } from '../api/openDayPass.ts';
import { Page } from '../components/Page.tsx';

/** Giving up a place from the emailed link (`/open-day-cancel#token=…`): one button, so a link preview cannot cancel. */
export function OpenDayCancelPage() {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [state, setState] = useState<'asking' | 'busy' | 'done'>('asking');
  const [problem, setProblem] = useState<string | null>(null);
  const news = useRef<HTMLDivElement>(null);

  const cancel = async () => {
    setState('busy');
    setProblem(null);
    try {
      await openDayPassApi.cancelRegistration(token);
      window.history.replaceState(null, '', window.location.pathname);
      setState('done');
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'That did not work. Try again.');
      setState('asking');
    }
    requestAnimationFrame(() => news.current?.focus());
  };

  return (
    <Page title="Give up your place">
      <div ref={news} tabIndex={-1} className="focus-target" role="status">
        {problem ? <p className="error-message">{problem}</p> : null}
        {state === 'done' ? (
          <p className="notice">
            <strong>Your place is given up.</strong> Someone on the waiting list can take it. Thank you for
            letting the host know.
          </p>
        ) : null}
      </div>
      {state !== 'done' ? (
        <>
          <p>If you can no longer come, give up your place so someone on the waiting list can have it.</p>
          {token ? (
            <button
              type="button"
              className="button button-warning"
              disabled={state === 'busy'}
              onClick={() => void cancel()}
            >
              Give up my place
            </button>
          ) : (
            <p className="error-message">This link is not complete. Open the whole link from your email.</p>
          )}
        </>
      ) : null}
    </Page>
  );
}
