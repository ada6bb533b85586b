import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  OPEN_DAY_LIMITS,
  personalDataWarnings,
  type HostQuestion,
  type ModerateQuestionBody,
} from '@common-ground/shared';
import { QUESTION_STATUS_LABELS } from './questionStatus.ts';

type Mode = 'idle' | 'edit' | 'answer' | 'merge';

/** The queue's status message, which takes focus when a question leaves the open lists (rejected or merged). */
export const QUEUE_NEWS_ID = 'queue-news';

/**
 * One question in the host's queue with its moderation steps, every one a plain button or form: approve, answer,
 * edit for anonymity, merge into another question, reject. A step's form takes focus when it opens and gives it
 * back to its button when it closes.
 */
export function QueueItem({
  question,
  others,
  moderate,
}: {
  question: HostQuestion;
  /** Questions it could be merged into: approved or answered, or waiting, but not itself. */
  others: HostQuestion[];
  /** Sends one step; answers null when done, or the problem to show. */
  moderate(body: ModerateQuestionBody): Promise<string | null>;
}) {
  // Ids from the question, not useId: a moderated question moves to another list, and focus must find it there.
  const id = `question-${question.id}`;
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const [into, setInto] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returnTo = useRef<string | null>(null);
  const field = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);

  useEffect(() => {
    if (mode !== 'idle') field.current?.focus();
    else if (returnTo.current) {
      document.getElementById(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [mode]);

  const open = (next: Mode) => {
    setProblem(null);
    setText(next === 'edit' ? question.text : next === 'answer' ? (question.answer ?? '') : '');
    setInto('');
    setMode(next);
  };
  const close = () => {
    returnTo.current = `${id}-${mode}`;
    setMode('idle');
  };
  const run = async (body: ModerateQuestionBody, buttonId: string) => {
    setBusy(true);
    setProblem(null);
    const failed = await moderate(body);
    setBusy(false);
    if (failed) {
      setProblem(failed);
      return;
    }
    // The question may have moved (a new status or vote order): focus follows it to its new place.
    returnTo.current = buttonId;
    setMode('idle');
    focusWhenShown([buttonId, `${id}-item`]);
  };
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim())
      return setProblem(mode === 'answer' ? 'Write the answer first.' : 'The question cannot be empty.');
    if (mode === 'answer') void run({ action: 'answer', answer: text.trim() }, `${id}-answer`);
    else void run({ action: 'edit', text: text.trim() }, `${id}-edit`);
  };
  const submitMerge = (event: FormEvent) => {
    event.preventDefault();
    if (!into) return setProblem('Choose the question to merge it into.');
    void run({ action: 'merge', intoQuestionId: into }, QUEUE_NEWS_ID);
  };
  const warnings = mode === 'edit' || mode === 'answer' ? personalDataWarnings(text) : [];
  const waiting = question.status === 'pending';
  const shown = question.status === 'approved' || question.status === 'answered';
  const closed = question.status === 'rejected' || question.status === 'merged';

  return (
    <li>
      <article id={`${id}-item`} tabIndex={-1} className="focus-target" aria-labelledby={`${id}-text`}>
        <p className="question-text" id={`${id}-text`}>
          {question.text}
        </p>
        <p className="hint">
          <span className={waiting ? 'tag' : closed ? 'tag tag-grey' : 'tag tag-green'}>
            {QUESTION_STATUS_LABELS[question.status]}
          </span>{' '}
          {question.votes} {question.votes === 1 ? 'vote' : 'votes'}
          {question.asker ? ` · ${question.asker.displayName}, ${question.asker.organisationName}` : ''}
        </p>
        {question.personalDataFlag ? (
          <p className="open-day-warning">
            <strong>Check before approving:</strong> the personal-data warning went off on the words as asked.
            Edit out anything that could identify a child or family.
          </p>
        ) : null}
        {question.originalText ? (
          <details>
            <summary>As the visitor wrote it</summary>
            <p className="question-text">{question.originalText}</p>
          </details>
        ) : null}
        {question.answer ? (
          <div className="question-answer">
            <strong>Answer:</strong> {question.answer}
          </div>
        ) : null}
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        {mode === 'edit' || mode === 'answer' ? (
          <form
            noValidate
            onSubmit={submitText}
            aria-label={mode === 'edit' ? 'Edit the question' : 'Answer the question'}
          >
            <div className="form-group">
              <label htmlFor={`${id}-field`}>
                {mode === 'edit' ? 'Question, as everyone will see it' : 'Your answer'}
              </label>
              <p className="hint" id={`${id}-field-hint`}>
                {mode === 'edit'
                  ? 'Take out names and anything else that identifies someone.'
                  : 'Everyone in the open day sees it; the question is approved with it.'}{' '}
                At most {mode === 'edit' ? OPEN_DAY_LIMITS.questionLength : OPEN_DAY_LIMITS.answerLength}{' '}
                characters.
              </p>
              <textarea
                id={`${id}-field`}
                ref={field}
                rows={4}
                value={text}
                aria-describedby={`${id}-field-hint${warnings.length ? ` ${id}-warning` : ''}`}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => event.key === 'Escape' && close()}
              />
            </div>
            {warnings.length ? (
              <p className="open-day-warning" id={`${id}-warning`} data-testid="personal-data-warning">
                <strong>This may be personal data about a child:</strong>{' '}
                {warnings.map((warning) => `${warning.message} (“${warning.match}”)`).join(' ')}
              </p>
            ) : null}
            <div className="question-actions">
              <button type="submit" className="button" disabled={busy}>
                {mode === 'edit' ? 'Save the question' : 'Send the answer'}
              </button>
              <button type="button" className="button button-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        ) : null}
        {mode === 'merge' ? (
          <form noValidate onSubmit={submitMerge} aria-label="Merge the question">
            <div className="form-group">
              <label htmlFor={`${id}-into`}>Merge into</label>
              <p className="hint" id={`${id}-into-hint`}>
                Its votes join the other question’s, and it leaves the list.
              </p>
              <select
                id={`${id}-into`}
                ref={field}
                value={into}
                aria-describedby={`${id}-into-hint`}
                onChange={(event) => setInto(event.target.value)}
                onKeyDown={(event) => event.key === 'Escape' && close()}
              >
                <option value="">Choose a question</option>
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.text.length > 80 ? `${other.text.slice(0, 79)}…` : other.text}
                  </option>
                ))}
              </select>
            </div>
            <div className="question-actions">
              <button type="submit" className="button" disabled={busy}>
                Merge
              </button>
              <button type="button" className="button button-secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        ) : null}
        {mode === 'idle' && !closed ? (
          <div
            className="question-actions"
            role="group"
            aria-label={`Moderate: ${question.text.slice(0, 60)}`}
          >
            {waiting ? (
              <button
                type="button"
                id={`${id}-approve`}
                className="button"
                disabled={busy}
                onClick={() => void run({ action: 'approve' }, `${id}-answer`)}
              >
                Approve
              </button>
            ) : null}
            <button
              type="button"
              id={`${id}-answer`}
              className="button button-secondary"
              onClick={() => open('answer')}
            >
              {question.answer ? 'Change the answer' : 'Answer'}
            </button>
            <button
              type="button"
              id={`${id}-edit`}
              className="button button-secondary"
              onClick={() => open('edit')}
            >
              Edit
            </button>
            {others.length ? (
              <button
                type="button"
                id={`${id}-merge`}
                className="button button-secondary"
                onClick={() => open('merge')}
              >
                Merge
              </button>
            ) : null}
            {waiting || shown ? (
              <button
                type="button"
                id={`${id}-reject`}
                className="button button-warning"
                disabled={busy}
                onClick={() => void run({ action: 'reject' }, QUEUE_NEWS_ID)}
              >
                Reject
              </button>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** Focuses the first of these elements once it is on screen (after the list re-renders), trying for a few frames. */
function focusWhenShown(ids: string[], frames = 10): void {
  requestAnimationFrame(() => {
    const target = ids.map((id) => document.getElementById(id)).find(Boolean);
    if (target) target.focus();
    else if (frames > 0) focusWhenShown(ids, frames - 1);
  });
}
