import type { Role } from '@common-ground/shared';
import { can } from '@common-ground/shared';
import type { ThreadSummary } from './discussionState.ts';
import { excerpt } from './ThreadView.tsx';

/** The room's threads, most recently active first, with question/answered tags and unread counts. */
export function ThreadList({
  threads,
  role,
  onOpen,
}: {
  threads: ThreadSummary[];
  role: Role | null;
  onOpen(threadId: string): void;
}) {
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
            <button type="button" className="link-button thread-link" onClick={() => onOpen(starter.id)}>
              {title}
            </button>{' '}
            {starter.question ? <span className="tag">Learner’s question</span> : null}
            {starter.answeredAt ? <span className="tag tag-green">Answered</span> : null}
            {starter.locked ? <span className="tag tag-grey">Locked</span> : null}
            <span className="hint thread-counts">
              {' '}
              by {starter.author.displayName}
              {starter.author.organisation ? ` (${starter.author.organisation.name})` : ''} · {replies.length}{' '}
              {replies.length === 1 ? 'reply' : 'replies'}
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
