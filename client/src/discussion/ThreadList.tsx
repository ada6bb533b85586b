import { useEffect, useRef } from 'react';
import type { Role } from '@common-ground/shared';
import { can } from '@common-ground/shared';
import type { ThreadSummary } from './discussionState.ts';
import { excerpt } from './ThreadView.tsx';
import { organisationLabel } from '../components/organisationLabel.ts';

/** The room's threads, most recently active first, with question/answered tags and unread counts. */
export function ThreadList({
  threads,
  role,
  onOpen,
  focusOnMount = null,
}: {
  threads: ThreadSummary[];
  role: Role | null;
  onOpen(threadId: string): void;
  /** The thread whose link takes focus when the list appears (the one the user just came back from). */
  focusOnMount?: string | null;
}) {
  const links = useRef(new Map<string, HTMLButtonElement>());
  const initialFocus = useRef(focusOnMount);
  useEffect(() => {
    if (initialFocus.current) links.current.get(initialFocus.current)?.focus();
  }, []);
  if (!threads.length)
    return <p className="hint">No threads yet.{can(role, 'discussion.post') ? ' Start one below.' : ''}</p>;
  return (
    <ul className="thread-list" aria-label="Threads">
      {threads.map(({ starter, replies, unread }) => {
        const hidden = starter.hidden && !can(role, 'room.moderate');
        const title = starter.deleted
          ? 'Deleted message'
          : hidden
            ? 'Hidden by a facilitator'
            : excerpt(starter.body);
        return (
          <li key={starter.id} className="thread-item">
            <button
              type="button"
              className="link-button thread-link"
              ref={(node) => {
                if (node) links.current.set(starter.id, node);
                else links.current.delete(starter.id);
              }}
              onClick={() => onOpen(starter.id)}
            >
              {title}
            </button>{' '}
            {starter.question ? <span className="tag">Learner’s question</span> : null}
            {starter.answeredAt ? <span className="tag tag-green">Answered</span> : null}
            {starter.locked ? <span className="tag tag-grey">Locked</span> : null}
            <span className="hint thread-counts">
              {' '}
              by {starter.author.displayName}
              {starter.author.organisation
                ? ` (${organisationLabel(starter.author.organisation)})`
                : ''} · {replies.length} {replies.length === 1 ? 'reply' : 'replies'}
              {unread ? (
                <strong className="unread-count" data-testid="unread-count">
                  {' '}
                  · {unread} new
                </strong>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
