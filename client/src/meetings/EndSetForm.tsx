import { useState } from 'react';
import { MEETING_LIMITS } from '@common-ground/shared';
import { ApiError } from '../api/apiClient.ts';
import { endSet } from '../api/meetings.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { FormGroup } from '../components/FormGroup.tsx';

/** The set's facilitators end it and choose how long its notes and discussion are kept. */
export function EndSetForm({ roomId }: { roomId: string }) {
  const [months, setMonths] = useState(String(MEETING_LIMITS.defaultKeepMonths));
  const [news, setNews] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const end = () =>
    endSet(roomId, Number(months)).then(
      ({ deleteAfter }) =>
        setNews(
          `The set has ended. Its notes and discussion will be deleted after ${formatDateTime(deleteAfter)}.`,
        ),
      (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work.'),
    );
  return (
    <form
      aria-labelledby="end-set-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        endSet(roomId, Number(months)).then(
          ({ deleteAfter }) =>
            setNews(
              `The set has ended. Its notes and discussion will be deleted after ${formatDateTime(deleteAfter)}.`,
            ),
          (error: unknown) => setProblem(error instanceof ApiError ? error.message : 'That did not work.'),
        );
      }}
    >
      <h3 id="end-set-heading">End this set</h3>
      <FormGroup
        id="keep-months"
        label="Keep the notes and discussion for (months)"
        hint="Members’ own CPD records, actions and reflections are kept."
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            max={MEETING_LIMITS.maxKeepMonths}
            value={months}
            onChange={(event) => setMonths(event.target.value)}
          />
        )}
      </FormGroup>
      <div role="status" aria-live="polite">
        {news ? <p className="notice">{news}</p> : null}
      </div>
      {problem ? <p className="error-message">{problem}</p> : null}
      <ConfirmButton
        label="End the set"
        question="End the set? Its notes and discussion will be deleted after the time you chose."
        confirmLabel="Yes, end the set"
        onConfirm={end}
      />
    </form>
  );
}
