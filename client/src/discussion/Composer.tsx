import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  DISCUSSION_LIMITS,
  personalDataWarnings,
  SOCKET_EVENTS,
  type PersonalDataWarning,
} from '@common-ground/shared';
import { MentionTextarea } from './MentionTextarea.tsx';
import type { MentionCandidate } from './mentionQuery.ts';
import { emitWithAck } from '../realtime/socket.ts';

/**
 * Writes a message. Before sending it checks the text for personal data about a child and asks for confirmation;
 * a failed send keeps the text and its idempotency key, so trying again can never post it twice.
 */
export function Composer({
  roomId,
  threadId,
  label,
  submitLabel,
  onSend,
  extra,
  mentions,
}: {
  roomId: string;
  /** The people `@` offers to mention (the room's people, without the viewer). */
  mentions?: MentionCandidate[];
  threadId?: string;
  label: string;
  submitLabel: string;
  onSend(body: string, clientMessageId: string): Promise<string | null>;
  extra?: ReactNode;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const [warnings, setWarnings] = useState<PersonalDataWarning[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clientMessageId = useRef<string | null>(null);
  const lastTyping = useRef(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const warningBox = useRef<HTMLDivElement>(null);
  const tooLong = body.length > DISCUSSION_LIMITS.messageLength;

  // The error and the warning each replace or follow the button that was pressed, so focus is taken to them once
  // they are on screen: the text box, which the error describes, or the warning itself (WCAG 2.4.3, 4.1.3).
  const focusNext = useRef<{ current: HTMLElement | null } | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current.current?.focus();
    focusNext.current = null;
  });
  const fail = (message: string) => {
    focusNext.current = textarea;
    setError(message);
  };

  const send = async () => {
    setBusy(true);
    clientMessageId.current ??= crypto.randomUUID();
    const problem = await onSend(body.trim(), clientMessageId.current);
    setBusy(false);
    setWarnings(null);
    if (problem) return fail(problem);
    setError(null);
    setBody('');
    clientMessageId.current = null;
    textarea.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return fail('Write a message first.');
    if (tooLong) return fail(`A message can be at most ${DISCUSSION_LIMITS.messageLength} characters.`);
    const found = personalDataWarnings(body);
    if (found.length) {
      focusNext.current = warningBox;
      return setWarnings(found);
    }
    void send();
  };

  const onInput = (value: string) => {
    setBody(value);
    if (clientMessageId.current && value !== body) clientMessageId.current = null;
    if (Date.now() - lastTyping.current > DISCUSSION_LIMITS.typingIntervalMs) {
      lastTyping.current = Date.now();
      void emitWithAck(SOCKET_EVENTS.typing, threadId ? { roomId, threadId } : { roomId });
    }
  };

  return (
    <form className="composer" onSubmit={submit} noValidate>
      <div className={`form-group${error ? ' form-group-error' : ''}`}>
        <label htmlFor={`${id}-body`}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          You can use **bold**, *italic*, `code`, lists and links. Mention someone with @ and their name.
          Never write anything that could identify a child or family.
        </p>
        {error ? (
          <p className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <MentionTextarea
          textareaRef={textarea}
          candidates={mentions ?? []}
          id={`${id}-body`}
          name="body"
          rows={3}
          value={body}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          className={error ? 'input-error' : undefined}
          onChange={onInput}
        />
      </div>
      {extra}
      {warnings ? (
        <div
          className="warning-text focus-target"
          role="group"
          tabIndex={-1}
          ref={warningBox}
          aria-labelledby={`${id}-warning`}
          data-testid="composer-personal-data-warning"
        >
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <div>
            <strong id={`${id}-warning`}>This may be personal data about a child.</strong>
            <ul>
              {warnings.map((warning) => (
                <li key={`${warning.kind}:${warning.match}`}>
                  {warning.message} (“{warning.match}”)
                </li>
              ))}
            </ul>
            <div className="button-group">
              <button
                type="button"
                className="button button-warning"
                disabled={busy}
                onClick={() => void send()}
              >
                Send anyway
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setWarnings(null);
                  textarea.current?.focus();
                }}
              >
                Change the message
              </button>
            </div>
          </div>
        </div>
      ) : (
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
