import { useCallback, useState } from 'react';
import type { OpenDayLive, OpenDayPass, OwnQuestion } from '@common-ground/shared';
import { openDayPassApi } from '../api/openDayPass.ts';
import { DocumentPanel } from '../collaboration/DocumentPanel.tsx';
import { PanelBoundary } from '../components/PanelBoundary.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { FollowHost } from './FollowHost.tsx';
import { formatTime } from './formatOpenDayTime.ts';
import { PassQuestions } from './PassQuestions.tsx';
import { useOpenDayLive } from './useOpenDayLive.ts';

/** During the live window: the room's document read-only, where the host is, how many watch, and live questions. */
export function PassLive({ pass }: { pass: OpenDayPass }) {
  const load = useCallback(() => openDayPassApi.live(), []);
  const live = useApiData(load);
  if (live.error) return <p className="error-message">{live.error.message}</p>;
  if (!live.data) return <p role="status">Opening the live room…</p>;
  return <LiveRoom pass={pass} live={live.data} />;
}

function LiveRoom({ pass, live }: { pass: OpenDayPass; live: OpenDayLive }) {
  const state = useOpenDayLive(live.openDayId);
  const loadMine = useCallback(() => openDayPassApi.questions(), []);
  const own = useApiData(loadMine);
  const [asked, setAsked] = useState<OwnQuestion[]>([]);
  // An own question the host approved or answered since it was loaded takes its news from the live list.
  const mine = [...asked, ...(own.data?.mine ?? []).filter((q) => !asked.some((a) => a.id === q.id))].map(
    (question) => {
      const live = state.questions.find((approved) => approved.id === question.id);
      return live
        ? {
            ...question,
            status: live.answer ? ('answered' as const) : ('approved' as const),
            answer: live.answer,
          }
        : question;
    },
  );
  const watching = state.joined ? state.watching : live.watching;

  return (
    <>
      <p className="notice" data-testid="phase-refusal">
        <strong>The open day is live.</strong> You are watching read-only; the room closes at{' '}
        {formatTime(pass.openDay.times.liveUntil)}. Feedback and your take-back pack open after that.
      </p>
      <p data-testid="watching-count">
        {watching} {watching === 1 ? 'person is' : 'people are'} watching
      </p>
      {state.problem ? <p className="error-message">{state.problem}</p> : null}
      <FollowHost hostHeadingId={state.hostHeadingId} follow={state.follow} whereIsHost={state.whereIsHost} />
      <div className="room-panels open-day-live">
        <PanelBoundary name="learning document">
          <DocumentPanel room={live.room} />
        </PanelBoundary>
        <PassQuestions
          questions={state.questions}
          mine={mine}
          mayAsk={pass.abilities.askQuestions}
          mayVote={pass.abilities.vote}
          askHeading="Ask the host a question"
          onAsked={(question) => setAsked((list) => [question, ...list])}
          onVoted={state.putQuestion}
        />
      </div>
    </>
  );
}
