import { useCallback, useState } from 'react';
import type { OpenDayPass, OwnQuestion } from '@common-ground/shared';
import { openDayPassApi } from '../api/openDayPass.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { formatDay, formatTime } from './formatOpenDayTime.ts';
import { PassQuestions } from './PassQuestions.tsx';
import { PreReadPack } from './PreReadPack.tsx';

/** Before the day: when the room opens, the pre-read pack, and advance questions for the host. */
export function PassBefore({ pass }: { pass: OpenDayPass }) {
  const loadPreRead = useCallback(() => openDayPassApi.preRead(), []);
  const loadQuestions = useCallback(() => openDayPassApi.questions(), []);
  const preRead = useApiData(loadPreRead);
  const questions = useApiData(loadQuestions);
  const [asked, setAsked] = useState<OwnQuestion[]>([]);
  const { liveFrom } = pass.openDay.times;

  return (
    <>
      <p className="notice" data-testid="phase-refusal">
        <strong>The live room opens at {formatTime(liveFrom)}</strong> on {formatDay(liveFrom)}, 30 minutes
        before the start. Until then you can read the pre-read and send the host questions in advance.
      </p>
      {preRead.error ? <p className="error-message">{preRead.error.message}</p> : null}
      {!preRead.data && !preRead.error ? <p role="status">Loading the pre-read…</p> : null}
      {preRead.data ? <PreReadPack preRead={preRead.data} /> : null}
      {pass.abilities.askQuestions ? (
        <PassQuestions
          questions={questions.data?.questions ?? []}
          mine={[...asked, ...(questions.data?.mine ?? [])]}
          mayAsk
          mayVote={false}
          askHeading="Ask a question in advance"
          onAsked={(question) => setAsked((list) => [question, ...list])}
          onVoted={() => questions.reload()}
        />
      ) : null}
    </>
  );
}
