import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { OpenDayPass } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { openDayPassApi } from '../api/openDayPass.ts';
import { Page } from '../components/Page.tsx';
import { useSession } from '../hooks/useSession.ts';
import { OpenDayFacts } from '../openDays/OpenDayFacts.tsx';
import { PassAfter } from '../openDays/PassAfter.tsx';
import { PassBefore } from '../openDays/PassBefore.tsx';
import { PassLive } from '../openDays/PassLive.tsx';
import { usePhaseChange } from '../openDays/usePhaseChange.ts';
import '../openDays/openDays.css';

const PHASE_LABELS = {
  before: 'Before the day',
  live: 'Live now',
  after: 'After the day',
  ended: 'Ended',
  cancelled: 'Cancelled',
} as const;

/**
 * The open-day pass, opened from the emailed link (`/open-day-pass#token=…`): the token starts a session for this
 * open day only and leaves the address bar, then the page shows what the pass's phase allows.
 */
export function OpenDayPassPage() {
  const [pass, setPass] = useState<OpenDayPass | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const { refresh } = useSession();

  useEffect(() => {
    let cancelled = false;
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    const opening = token
      ? openDayPassApi.open(token).then((opened) => {
          // The token leaves the address bar and the history, so a shared screen or computer does not show it.
          window.history.replaceState(null, '', window.location.pathname);
          void refresh();
          return opened;
        })
      : openDayPassApi.get();
    opening.then(
      (answer) => !cancelled && setPass(answer),
      (error: unknown) =>
        !cancelled &&
        setProblem(error instanceof ApiError ? error : new ApiError('internal', String(error), 0)),
    );
    return () => {
      cancelled = true;
    };
  }, [version, refresh]);
  // At the next phase boundary, ask again: the page moves from before to live to after by itself.
  const reopen = useCallback(() => setVersion((v) => v + 1), []);
  usePhaseChange(pass, reopen);

  if (problem) return <PassProblem error={problem} />;
  if (!pass) return <p role="status">Opening your pass…</p>;
  const { openDay } = pass;

  return (
    <Page title={openDay.title} caption="Your open-day pass">
      <p className="phase-tag">
        <span className={pass.phase === 'live' ? 'tag tag-green' : 'tag'} data-testid="pass-phase">
          {PHASE_LABELS[pass.phase]}
        </span>{' '}
        {pass.visitor.displayName}, {pass.visitor.organisationName}
      </p>
      {pass.status === 'waiting' ? (
        <p className="notice">
          <strong>You are on the waiting list.</strong> We will email you if a place frees up. Until then you
          can read the pre-read.
        </p>
      ) : null}
      <OpenDayFacts
        hostOrganisation={openDay.hostOrganisation}
        times={openDay.times}
        venue={openDay.venue}
        accessInformation={openDay.accessInformation}
        online={pass.status === 'confirmed' ? openDay.onlineJoinUrl : null}
        safeguardingLead={openDay.safeguardingLead}
      />
      {pass.phase === 'before' ? <PassBefore pass={pass} /> : null}
      {pass.phase === 'live' && pass.abilities.enterLiveRoom ? <PassLive pass={pass} /> : null}
      {pass.phase === 'live' && !pass.abilities.enterLiveRoom ? (
        <p className="notice">Only people with a place can enter the live room.</p>
      ) : null}
      {pass.phase === 'after' ? <PassAfter pass={pass} /> : null}
      {pass.phase === 'ended' ? (
        <p className="notice" data-testid="phase-refusal">
          <strong>This pass has ended.</strong> The open day finished more than 14 days ago, and your
          registration has been deleted.
        </p>
      ) : null}
      {pass.phase === 'cancelled' ? (
        <p className="notice" data-testid="phase-refusal">
          <strong>This open day was cancelled.</strong> The host emailed everyone registered.
        </p>
      ) : null}
    </Page>
  );
}

function PassProblem({ error }: { error: ApiError }) {
  const ended = error.status === 410;
  const noPass = error.status === 401 || error.status === 404 || error.status === 400;
  return (
    <Page
      title={
        ended ? 'This pass has ended' : noPass ? 'We could not open this pass' : 'Sorry, something went wrong'
      }
    >
      <p>{error.message}</p>
      <p>
        {noPass
          ? 'Open the link in your most recent email about this open day. Check that you opened the whole link.'
          : 'Try again in a few minutes.'}
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
