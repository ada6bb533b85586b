import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { MESSAGE_PARAM } from './permalinks.ts';
import { roomAbilities, SOCKET_EVENTS, type Room } from '@common-ground/shared';
import { useSession } from '../hooks/useSession.ts';
import { Announcer } from './Announcer.tsx';
import { Composer } from './Composer.tsx';
import { threadsOf } from './discussionState.ts';
import { ThreadList } from './ThreadList.tsx';
import { ThreadView } from './ThreadView.tsx';
import { useDiscussion } from './useDiscussion.ts';
import { MentionNames } from './MentionNames.tsx';
import { useMentionCandidates } from './useMentionCandidates.ts';
import { describeSocketError, emitWithAck } from '../realtime/socket.ts';
import './discussion.css';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  live: '',
  reconnecting: 'Reconnecting…',
  closed: '',
} as const;

/** The room's discussion: threads, a thread view with replies, composers, presence and connection state. */
export function DiscussionPanel({ room }: { room: Room }) {
  const { session } = useSession();
  const viewerId =
    session.status === 'user'
      ? session.user.id
      : session.status === 'visitor'
        ? session.visit.visitor.id
        : null;
  return <RoomDiscussion key={room.id} room={room} viewerId={viewerId} />;
}

function RoomDiscussion({ room, viewerId }: { room: Room; viewerId: string | null }) {
  const discussion = useDiscussion(room.id, viewerId);
  const { status, problem, state, readSince, presence, typing, call } = discussion;
  const role = discussion.role ?? room.role;
  const [openThread, setOpenThread] = useState<string | null>(null);
  // A permalink (?message=id) opens the message's thread once the history holding it has loaded.
  const [searchParams] = useSearchParams();
  const linked = searchParams.get(MESSAGE_PARAM);
  const [target, setTarget] = useState<{ id: string; found: boolean } | null>(null);
  const linkedMessage = linked && status === 'live' ? state.messages.get(linked) : undefined;
  if (linked && target?.id !== linked && status === 'live') {
    setTarget({ id: linked, found: Boolean(linkedMessage) });
    if (linkedMessage) setOpenThread(linkedMessage.threadId ?? linkedMessage.id);
  }
  // Back returns focus to the link that opened the thread, not to the top of the page.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const open = (threadId: string) => {
    setReturnTo(null);
    setOpenThread(threadId);
  };
  const [asQuestion, setAsQuestion] = useState(false);
  const threads = useMemo(() => threadsOf(state, viewerId, readSince), [state, viewerId, readSince]);
  const thread = openThread ? threads.find((candidate) => candidate.starter.id === openThread) : undefined;

  // Reading the thread list marks the room read (for the digest); opening a thread marks that thread read.
  useEffect(() => {
    if (status !== 'live' || !viewerId || state.cursor === 0) return;
    const timer = setTimeout(
      () =>
        void emitWithAck(SOCKET_EVENTS.readMark, {
          roomId: room.id,
          seq: state.cursor,
          ...(openThread ? { threadId: openThread } : {}),
        }),
      800,
    );
    return () => clearTimeout(timer);
  }, [status, viewerId, state.cursor, openThread, room.id]);

  const others = (presence?.people ?? []).filter((person) => person.id !== viewerId);
  const unread = threads.reduce((total, summary) => total + summary.unread, 0);
  const may = roomAbilities(role);
  const people = useMentionCandidates(room, may.mention);
  const mentionable = useMemo(() => people.filter((person) => person.id !== viewerId), [people, viewerId]);
  // Names to highlight in messages: the room's people, and whoever is here now (visitors cannot list members).
  const knownNames = useMemo(
    () => [...new Set([...people, ...(presence?.people ?? [])].map((person) => person.displayName))],
    [people, presence],
  );
  const typingNames = typing
    .filter((event) => (event.threadId ?? null) === openThread)
    .map((event) => event.person.displayName);

  return (
    <MentionNames.Provider value={knownNames}>
      <section aria-labelledby="discussion-heading" className="discussion">
        <h2 id="discussion-heading">Discussion</h2>
        {unread ? (
          <p className="hint" data-testid="room-unread">
            {unread} unread {unread === 1 ? 'message' : 'messages'} since your last visit
          </p>
        ) : null}
        <p role="status" className="connection-status" data-testid="connection-status">
          {STATUS_TEXT[status]}
        </p>
        {problem ? (
          <div className="error-summary" role="alert">
            <h3 className="error-summary__title">The discussion is not available</h3>
            <p>{problem}</p>
          </div>
        ) : null}
        {presence ? (
          <p className="presence" data-testid="presence">
            Here now: {others.length ? others.map((person) => person.displayName).join(', ') : 'only you'}
            {presence.visitors
              ? ` and ${presence.visitors} open-day ${presence.visitors === 1 ? 'visitor' : 'visitors'}`
              : ''}
            {presence.visitorNames?.length ? (
              <span data-testid="visitor-names"> ({presence.visitorNames.join(', ')})</span>
            ) : null}
          </p>
        ) : null}
        {target && !target.found ? (
          <p className="notice" data-testid="permalink-missing">
            The message you followed a link to is not in this discussion. It may have been deleted.
          </p>
        ) : null}
        <Announcer arrivals={discussion.arrivals} />
        {!may.post ? (
          <p className="notice" data-testid="discussion-read-only">
            You can read this discussion but not post in it.
          </p>
        ) : null}
        {thread ? (
          <ThreadView
            key={thread.starter.id}
            thread={thread}
            mentions={mentionable}
            role={role}
            viewerId={viewerId}
            call={call}
            targetId={target?.found ? target.id : null}
            onBack={() => {
              setReturnTo(openThread);
              setOpenThread(null);
            }}
          />
        ) : (
          <>
            <h3>Threads</h3>
            <ThreadList threads={threads} role={role} onOpen={open} focusOnMount={returnTo} />
            {may.post && status !== 'closed' ? (
              <Composer
                roomId={room.id}
                label="Start a new thread"
                mentions={may.mention ? mentionable : undefined}
                submitLabel="Post"
                extra={
                  may.askQuestion ? (
                    <div className="checkbox">
                      <input
                        id="as-question"
                        type="checkbox"
                        checked={asQuestion}
                        onChange={(event) => setAsQuestion(event.target.checked)}
                      />
                      <label htmlFor="as-question">This is a question I want to learn about</label>
                    </div>
                  ) : null
                }
                onSend={async (body, clientMessageId) => {
                  // Asking as a question is part of the send, so a thread is never seen half-made.
                  const answer = await call(SOCKET_EVENTS.messageSend, {
                    roomId: room.id,
                    body,
                    clientMessageId,
                    ...(asQuestion ? { question: true } : {}),
                  });
                  if (!answer.ok) return describeSocketError(answer.error);
                  setAsQuestion(false);
                  return null;
                }}
              />
            ) : null}
          </>
        )}
        <p className="typing" aria-live="off">
          {typingNames.length
            ? `${typingNames.join(', ')} ${typingNames.length === 1 ? 'is' : 'are'} typing…`
            : ''}
        </p>
      </section>
    </MentionNames.Provider>
  );
}
