import { useCallback, useRef, useState } from 'react';
import type { OpenDayPass } from '@common-ground/shared';
import { openDayPassApi } from '../api/openDayPass.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { formatDayAndTime } from './formatOpenDayTime.ts';
import { TakeBackPack } from './TakeBackPack.tsx';

/** After the day: the room has closed; the take-back pack and the feedback form, until the pass ends. */
export function PassAfter({ pass }: { pass: OpenDayPass }) {
  const load = useCallback(() => openDayPassApi.takeBack(), []);
  const pack = useApiData(load);
  const [thanked, setThanked] = useState(pass.feedbackGiven);
  const thanks = useRef<HTMLDivElement>(null);
  const { liveUntil, afterUntil } = pass.openDay.times;

  return (
    <>
      <p className="notice" data-testid="phase-refusal">
        <strong>The live room closed at {formatDayAndTime(liveUntil)}.</strong> This pass, the take-back pack
        and feedback stay open until {formatDayAndTime(afterUntil)}; then your registration is deleted.
      </p>
      {pack.error ? <p className="error-message">{pack.error.message}</p> : null}
      {!pack.data && !pack.error ? <p role="status">Loading your take-back pack…</p> : null}
      {pack.data ? <TakeBackPack pack={pack.data} /> : null}
      {pass.abilities.giveFeedback && !thanked ? (
        <FeedbackForm
          send={async (body) => {
            await openDayPassApi.feedback(body);
            setThanked(true);
            requestAnimationFrame(() => thanks.current?.focus());
          }}
        />
      ) : null}
      <div ref={thanks} tabIndex={-1} className="focus-target" role="status">
        {thanked ? (
          <p className="notice">
            <strong>Thank you for your feedback.</strong> The host sees it with everyone else’s, without your
            name unless you said you would like to talk.
          </p>
        ) : null}
      </div>
    </>
  );
}
