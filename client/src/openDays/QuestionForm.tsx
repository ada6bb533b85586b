import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { personalDataWarnings, type PersonalDataWarning } from '@common-ground/shared';
import { TextField } from '../components/TextField.tsx';
import { PersonalDataCheck } from './PersonalDataCheck.tsx';

/**
 * Asks the host a question. The text is checked for personal data about a child first (a warning, not a block);
 * `send` answers null when the question was taken, or the problem to show.
 */
export function QuestionForm({
  heading,
  hint,
  maxLength,
  send,
}: {
  heading: string;
  hint: string;
  maxLength: number;
  /** `checked`: the person saw the personal-data warning and chose to send anyway. */
  send(text: string, checked: boolean): Promise<string | null>;
}) {
  const id = useId();
  const fieldId = `${id}-question`;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<PersonalDataWarning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const warningBox = useRef<HTMLDivElement>(null);
  // The warning replaces the send button: it takes focus once it is on screen.
  useEffect(() => {
    if (warnings) warningBox.current?.focus();
  }, [warnings]);

  const focusField = () => document.getElementById(fieldId)?.focus();
  const deliver = async (checked: boolean) => {
    setBusy(true);
    const problem = await send(text.trim(), checked);
    setBusy(false);
    setWarnings(null);
    if (problem) {
      setError(problem);
      requestAnimationFrame(focusField);
      return;
    }
    setError(undefined);
    setText('');
    setSent('Thank you: your question went to the host. It appears here for everyone once they approve it.');
    requestAnimationFrame(focusField);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const trimmed = text.trim();
    const problem = !trimmed
      ? 'Write your question first'
      : trimmed.length > maxLength
        ? `A question can be at most ${maxLength} characters`
        : undefined;
    if (problem) {
      setError(problem);
      focusField();
      return;
    }
    const found = personalDataWarnings(trimmed);
    if (found.length) {
      setWarnings(found);
      return;
    }
    void deliver(false);
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <TextField
        id={fieldId}
        label="Your question"
        hint={`${hint} At most ${maxLength} characters. Do not name or describe a child or family.`}
        multiline
        value={text}
        onChange={setText}
        error={error}
      />
      {warnings ? (
        <PersonalDataCheck
          id={`${id}-warning`}
          ref={warningBox}
          warnings={warnings}
          busy={busy}
          sendLabel="Send anyway"
          onSend={() => void deliver(true)}
          onChange={() => {
            setWarnings(null);
            focusField();
          }}
        />
      ) : (
        <button type="submit" className="button" disabled={busy}>
          Send the question
        </button>
      )}
      <p role="status" className={sent ? 'notice' : undefined}>
        {sent}
      </p>
    </form>
  );
}
