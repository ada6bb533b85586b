import { useState, type FormEvent } from 'react';
import type { FeedbackBody } from '@common-ground/shared';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';

const ids = {
  usefulness: 'feedback-usefulness-1',
  nextStep: 'feedback-next-step',
  whoElse: 'feedback-who-else',
  whatWouldStop: 'feedback-what-would-stop',
};

/** The four feedback questions as the dashboard groups them, in order. */
export const FEEDBACK_QUESTIONS = {
  nextStep: 'What is your next step?',
  whoElse: 'Who else needs to be involved?',
  whatWouldStop: 'What would stop you?',
} as const;

/** After the day: how useful it was (1 to 5), next step, who else, what would stop you, and whether to talk. */
export function FeedbackForm({ send }: { send(body: FeedbackBody): Promise<void> }) {
  const [usefulness, setUsefulness] = useState<number | null>(null);
  const [text, setText] = useState({ nextStep: '', whoElse: '', whatWouldStop: '' });
  const [wouldLikeToTalk, setWouldLikeToTalk] = useState(false);
  const [attendanceOnJourney, setAttendanceOnJourney] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (usefulness === null) return fail({ usefulness: 'Choose how useful the day was, from 1 to 5' });
    setBusy(true);
    try {
      await send({ usefulness, ...text, wouldLikeToTalk, attendanceOnJourney });
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Your feedback</h2>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <fieldset
        className={errors.fields.usefulness ? 'form-group form-group-error fieldset' : 'form-group fieldset'}
        aria-describedby={errors.fields.usefulness ? 'feedback-usefulness-error' : 'feedback-usefulness-hint'}
      >
        <legend>How useful was the open day?</legend>
        <p className="hint" id="feedback-usefulness-hint">
          1 is not useful, 5 is very useful.
        </p>
        {errors.fields.usefulness ? (
          <p className="error-message" id="feedback-usefulness-error">
            <span className="visually-hidden">Error:</span> {errors.fields.usefulness}
          </p>
        ) : null}
        <div className="radio-row">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} htmlFor={`feedback-usefulness-${value}`}>
              <input
                id={`feedback-usefulness-${value}`}
                type="radio"
                name="usefulness"
                value={value}
                checked={usefulness === value}
                onChange={() => setUsefulness(value)}
              />
              {value}
            </label>
          ))}
        </div>
      </fieldset>
      {(Object.keys(FEEDBACK_QUESTIONS) as (keyof typeof FEEDBACK_QUESTIONS)[]).map((key) => (
        <TextField
          key={key}
          id={ids[key]}
          label={`${FEEDBACK_QUESTIONS[key]} (optional)`}
          multiline
          value={text[key]}
          onChange={(value) => setText((previous) => ({ ...previous, [key]: value }))}
          error={errors.fields[key]}
        />
      ))}
      <div className="form-group checkbox">
        <input
          id="feedback-talk"
          type="checkbox"
          checked={wouldLikeToTalk}
          onChange={(event) => setWouldLikeToTalk(event.target.checked)}
        />
        <label htmlFor="feedback-talk">We would like to talk about adopting this</label>
      </div>
      <div className="form-group checkbox">
        <input
          id="feedback-journey"
          type="checkbox"
          checked={attendanceOnJourney}
          aria-describedby="feedback-journey-hint"
          onChange={(event) => setAttendanceOnJourney(event.target.checked)}
        />
        <label htmlFor="feedback-journey">Record that I came, if we start a partnership</label>
      </div>
      <p className="hint" id="feedback-journey-hint">
        Only with your agreement does your attendance go on a partnership’s journey.
      </p>
      <button type="submit" className="button" disabled={busy}>
        Send feedback
      </button>
    </form>
  );
}
