import { useEffect, useRef } from 'react';
import {
  messageAbilities,
  roomAbilities,
  SOCKET_EVENTS,
  threadAbilities,
  type Message,
  type Role,
  type ThreadUpdatePayload,
} from '@common-ground/shared';
import { describeSocketError } from '../realtime/socket.ts';
import { Composer } from './Composer.tsx';
import type { ThreadSummary } from './discussionState.ts';
import { MessageItem } from './MessageItem.tsx';
import type { Discussion } from './useDiscussion.ts';
import type { MentionCandidate } from './mentionQuery.ts';

/** One thread: its starter, replies, thread controls (question, answered, lock) and the reply composer. */
export function ThreadView({
  thread,
  mentions,
  role,
  viewerId,
  call,
  onBack,
  targetId,
}: {
  thread: ThreadSummary;
  /** The message a permalink opened the thread at; it takes focus instead of the heading. */
  targetId?: string | null;
  /** The people the reply composer offers after `@`. */
  mentions: MentionCandidate[];
  role: Role | null;
  viewerId: string | null;
  call: Discussion['call'];
  onBack(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const repliesHeading = useRef<HTMLHeadingElement>(null);
  const openedAt = useRef(targetId);
  useEffect(() => {
    if (!openedAt.current) heading.current?.focus();
  }, []);
  const { starter } = thread;
  const roomId = starter.roomId;
  // The same shared rules the server asks; state (deleted, already a question) is checked here.
  const viewer = { id: viewerId, role };
  const inRoom = roomAbilities(role);
  const may = threadAbilities(viewer, starter);
  const canReply = may.reply && !starter.deleted;
  const abilities = (message: Message) => {
    const allowed = messageAbilities(viewer, message, starter);
    return { ...allowed, markAnswer: allowed.markAnswer && starter.question };
  };
  const update = (change: Pick<ThreadUpdatePayload, 'question' | 'answered' | 'locked'>) =>
    call(SOCKET_EVENTS.threadUpdate, { roomId, threadId: starter.id, ...change });
  const title = starter.deleted ? 'Deleted message' : excerpt(starter.body);

  return (
    <section className="thread" aria-labelledby={`thread-${starter.id}`}>
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          Back to all threads
        </button>
      </p>
      <h3 id={`thread-${starter.id}`} tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <p className="thread-tags">
        {starter.question ? <span className="tag">Learner’s question</span> : null}
        {starter.answeredAt ? <span className="tag tag-green">Answered</span> : null}
        {starter.locked ? <span className="tag tag-grey">Locked</span> : null}
      </p>
      <MessageItem
        message={starter}
        target={targetId === starter.id}
        abilities={abilities(starter)}
        isAnswer={false}
        call={call}
        onDeleted={() => heading.current?.focus()}
      />
      <div className="button-group thread-controls">
        {!starter.question && may.askQuestion ? (
          <button
            type="button"
            className="button button-secondary"
            // This button goes once the thread is a question: focus its heading, followed by the new tag.
            onClick={() =>
              void update({ question: true }).then((answer) => answer.ok && heading.current?.focus())
            }
          >
            Mark as a learner’s question
          </button>
        ) : null}
        {starter.question && may.markAnswered ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void update({ answered: !starter.answeredAt })}
          >
            {starter.answeredAt ? 'Mark as not answered' : 'Mark as answered'}
          </button>
        ) : null}
        {may.lock ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void update({ locked: !starter.locked })}
          >
            {starter.locked ? 'Unlock thread' : 'Lock thread'}
          </button>
        ) : null}
      </div>
      <h4 tabIndex={-1} ref={repliesHeading}>
        {thread.replies.length} {thread.replies.length === 1 ? 'reply' : 'replies'}
      </h4>
      <ol className="message-list">
        {thread.replies.map((reply) => (
          <li key={reply.id}>
            <MessageItem
              message={reply}
              target={targetId === reply.id}
              abilities={abilities(reply)}
              isAnswer={starter.answerMessageId === reply.id}
              call={call}
              onDeleted={() => repliesHeading.current?.focus()}
            />
          </li>
        ))}
      </ol>
      {canReply ? (
        <Composer
          roomId={roomId}
          threadId={starter.id}
          label="Your reply"
          mentions={inRoom.mention ? mentions : undefined}
          submitLabel="Send reply"
          onSend={async (body, clientMessageId) => {
            const answer = await call(SOCKET_EVENTS.messageSend, {
              roomId,
              threadId: starter.id,
              body,
              clientMessageId,
            });
            return answer.ok ? null : describeSocketError(answer.error);
          }}
        />
      ) : starter.locked && inRoom.post ? (
        <p className="notice">A facilitator locked this thread: no more replies.</p>
      ) : null}
    </section>
  );
}

/** The first line of a message, short enough for a heading or list. */
export function excerpt(body: string): string {
  const line = body.split('\n').find((text) => text.trim()) ?? '';
  const plain = line.replace(/[*_`]/g, '').trim();
  return plain.length > 90 ? `${plain.slice(0, 89)}…` : plain || 'Untitled thread';
}
