import { Link } from 'react-router';
import { formatDateTime } from '../components/formatDateTime.ts';
import { messagePath } from './permalinks.ts';
import { useEffect, useRef, useState } from 'react';
import {
  DISCUSSION_LIMITS,
  SOCKET_EVENTS,
  type ClientEventPayload,
  type Message,
  type MessageAbilities,
} from '@common-ground/shared';
import { describeSocketError } from '../realtime/socket.ts';
import { MessageBody } from './MessageBody.tsx';
import type { Discussion } from './useDiscussion.ts';
import { OrganisationName } from '../components/OrganisationName.tsx';

type Call = Discussion['call'];
/** The events that change one message, each sent with the message's room. */
type ChangeEvent =
  | typeof SOCKET_EVENTS.messageEdit
  | typeof SOCKET_EVENTS.messageDelete
  | typeof SOCKET_EVENTS.messageHide
  | typeof SOCKET_EVENTS.threadUpdate;

/** One message: author and organisation, time, edited/hidden/deleted state, body, and the actions the viewer has. */
export function MessageItem({
  message,
  abilities,
  isAnswer,
  call,
  onDeleted,
  target,
}: {
  message: Message;
  /** This message was opened by its permalink: it takes focus and is marked. */
  target?: boolean;
  /** What the viewer may do with it, from the shared messageAbilities the server also asks. */
  abilities: MessageAbilities;
  isAnswer: boolean;
  call: Call;
  /** Moves focus somewhere sensible (a heading) once this message is deleted and its actions vanish. */
  onDeleted?(): void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const act = async <E extends ChangeEvent>(event: E, payload: Omit<ClientEventPayload<E>, 'roomId'>) => {
    const answer = await call(event, { roomId: message.roomId, ...payload } as ClientEventPayload<E>);
    setError(answer.ok ? null : describeSocketError(answer.error));
    return answer.ok;
  };
  const withheld = message.deleted || (message.hidden && !abilities.readHidden);
  const { threadId } = message;

  // Each action swaps the controls for others, so focus follows to where the user goes next (WCAG 2.4.3).
  const textarea = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const article = useRef<HTMLElement>(null);
  const focusNext = useRef<{ current: HTMLElement | null } | null>(null);
  useEffect(() => {
    if (!target) return;
    article.current?.focus();
    article.current?.scrollIntoView({ block: 'center' });
  }, [target]);
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current.current?.focus();
    focusNext.current = null;
  });
  const startEditing = () => {
    setDraft(message.body);
    focusNext.current = textarea;
    setEditing(true);
  };
  const stopEditing = () => {
    focusNext.current = editButton;
    setEditing(false);
  };
  const askToDelete = (asking: boolean) => {
    focusNext.current = asking ? confirmButton : deleteButton;
    setConfirmDelete(asking);
  };

  return (
    <article
      ref={article}
      tabIndex={-1}
      id={`message-${message.id}`}
      className={target ? 'message message-target' : 'message'}
      aria-label={`Message from ${message.author.displayName}`}
      data-testid="message"
    >
      <p className="message-meta">
        <strong>{message.author.displayName}</strong>
        {message.author.organisation ? (
          <span>
            , <OrganisationName organisation={message.author.organisation} />
          </span>
        ) : null}{' '}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {message.editedAt && !message.deleted ? <span className="tag tag-grey">Edited</span> : null}
        {isAnswer ? <span className="tag tag-green">Answer</span> : null}
        {message.hidden && abilities.readHidden ? <span className="tag tag-grey">Hidden</span> : null}{' '}
        <Link className="message-permalink" to={messagePath(message)}>
          Link<span className="visually-hidden"> to this message</span>
        </Link>
      </p>
      {message.deleted ? (
        <p className="message-withheld">This message was deleted.</p>
      ) : message.hidden && !abilities.readHidden ? (
        <p className="message-withheld">This message was hidden by a facilitator.</p>
      ) : editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(SOCKET_EVENTS.messageEdit, { messageId: message.id, body: draft }).then(
              (ok) => ok && stopEditing(),
            );
          }}
        >
          <div className="form-group">
            <label htmlFor={`edit-${message.id}`}>Edit your message</label>
            <textarea
              ref={textarea}
              id={`edit-${message.id}`}
              rows={3}
              maxLength={DISCUSSION_LIMITS.messageLength}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <div className="button-group">
            <button type="submit" className="button">
              Save changes
            </button>
            <button type="button" className="button button-secondary" onClick={stopEditing}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <MessageBody body={message.body} />
      )}
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {withheld || editing ? null : (
        <div className="message-actions">
          {abilities.edit ? (
            <button type="button" className="link-button" ref={editButton} onClick={startEditing}>
              Edit<span className="visually-hidden"> your message</span>
            </button>
          ) : null}
          {abilities.delete ? (
            <>
              {confirmDelete ? (
                <span role="group" aria-label="Delete this message?">
                  Delete this message?{' '}
                  <button
                    type="button"
                    className="link-button"
                    ref={confirmButton}
                    onClick={() =>
                      void act(SOCKET_EVENTS.messageDelete, { messageId: message.id }).then(
                        (ok) => ok && onDeleted?.(),
                      )
                    }
                  >
                    Yes, delete
                  </button>{' '}
                  <button type="button" className="link-button" onClick={() => askToDelete(false)}>
                    No, keep it
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  ref={deleteButton}
                  onClick={() => askToDelete(true)}
                >
                  Delete<span className="visually-hidden"> your message</span>
                </button>
              )}
            </>
          ) : null}
          {abilities.hide ? (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void act(SOCKET_EVENTS.messageHide, { messageId: message.id, hidden: !message.hidden })
              }
            >
              {message.hidden ? 'Show' : 'Hide'}
              <span className="visually-hidden"> the message from {message.author.displayName}</span>
            </button>
          ) : null}
          {abilities.markAnswer && !isAnswer && threadId ? (
            <button
              type="button"
              className="link-button"
              onClick={() =>
                // The button goes once this is the answer: focus the message, which then says "Answer".
                void act(SOCKET_EVENTS.threadUpdate, {
                  threadId,
                  answered: true,
                  answerMessageId: message.id,
                }).then((ok) => ok && article.current?.focus())
              }
            >
              Mark as the answer
              <span className="visually-hidden"> (reply from {message.author.displayName})</span>
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}
