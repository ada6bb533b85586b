import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DISCUSSION_LIMITS,
  SOCKET_EVENTS,
  type ClientEvent,
  type ClientEventAck,
  type ClientEventPayload,
  type Message,
  type Presence,
  type Role,
  type TypingEvent,
} from '@common-ground/shared';
import { addMessages, emptyDiscussion, updateMessage, type DiscussionState } from './discussionState.ts';
import { emitWithAck, getSocket } from '../realtime/socket.ts';
import { announceAccessEnded } from '../hooks/visitEndings.ts';

/** Connection state the panel shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** A running count of live messages from others and the newest of them; the count never wraps or caps. */
export interface Arrivals {
  count: number;
  latest: Message | null;
}

/** Everything the discussion panel needs for one room. */
export interface Discussion {
  status: ConnectionStatus;
  /** Why the discussion closed (access withdrawn), if it did. */
  problem: string | null;
  role: Role | null;
  state: DiscussionState;
  /** Where the viewer had read up to before this visit. */
  readSince: number;
  presence: Presence | null;
  typing: TypingEvent[];
  /** Live messages from others, for the announcer. */
  arrivals: Arrivals;
  /**
   * Sends an event and applies the message its acknowledgement carries: a sent message arrives only this way (the
   * room broadcast skips the sending socket), a changed one also comes back through `message:updated`.
   */
  call<E extends ClientEvent>(event: E, payload: ClientEventPayload<E>): Promise<ClientEventAck<E>>;
}

/**
 * Joins a room's discussion over the shared socket and keeps it current: on every (re)connect it joins again with its
 * cursor and pages through what it missed, so nothing is lost or doubled; live events that overtake a gap wait in
 * order; role changes and removal arrive as `room:access`.
 */
export function useDiscussion(roomId: string, viewerId: string | null): Discussion {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [problem, setProblem] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [state, setState] = useState<DiscussionState>(emptyDiscussion);
  const [readSince, setReadSince] = useState<number | null>(null);
  const [presence, setPresence] = useState<Presence | null>(null);
  const [typing, setTyping] = useState<TypingEvent[]>([]);
  const [arrivals, setArrivals] = useState<Arrivals>({ count: 0, latest: null });
  // The latest state, read by socket handlers that outlive a render; the panel is keyed by room, so it starts empty.
  const stateRef = useRef<DiscussionState>(emptyDiscussion());
  // Messages may arrive ahead of a gap (a live event or an ack overtaking a slower send); both then ask for a catch-up.
  const receiveRef = useRef<(message: Message) => void>(() => undefined);

  useEffect(() => {
    const socket = getSocket();
    let closed = false;
    let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

    const join = async (): Promise<void> => {
      for (let page = 0; page < 1000 && !closed; page++) {
        const { cursor, changeCursor } = stateRef.current;
        const answer = await emitWithAck(SOCKET_EVENTS.roomJoin, {
          roomId,
          after: cursor,
          ...(changeCursor === undefined ? {} : { changesAfter: changeCursor }),
        });
        if (closed) return;
        if (!answer.ok) {
          if (answer.error.code !== 'unavailable') {
            setProblem(answer.error.message);
            setStatus('closed');
          }
          return;
        }
        setRole(answer.role);
        setReadSince((since) => since ?? answer.readState.lastReadSeq);
        const next = answer.changes.reduce(updateMessage, addMessages(stateRef.current, answer.messages));
        stateRef.current = { ...next, changeCursor: answer.latestChangeSeq, readState: answer.readState };
        setState(stateRef.current);
        if (!answer.hasMore && !answer.changesHaveMore) break;
      }
      setStatus('live');
    };

    const receive = (message: Message) => {
      stateRef.current = addMessages(stateRef.current, [message]);
      setState(stateRef.current);
      // A message overtook one still being stored: fetch the gap shortly if it does not arrive by itself.
      clearTimeout(catchUpTimer);
      if (stateRef.current.ahead.size) catchUpTimer = setTimeout(() => void join(), 1000);
    };
    receiveRef.current = receive;
    const onNew = ({ message }: { message: Message }) => {
      if (message.roomId !== roomId) return;
      receive(message);
      if (message.author.id !== viewerId) setArrivals(({ count }) => ({ count: count + 1, latest: message }));
    };
    const onUpdated = ({ message }: { message: Message }) => {
      if (message.roomId !== roomId) return;
      stateRef.current = updateMessage(stateRef.current, message);
      setState(stateRef.current);
    };
    const onPresence = (event: Presence) => event.roomId === roomId && setPresence(event);
    const onTyping = (event: TypingEvent) => {
      if (event.roomId !== roomId) return;
      setTyping((list) => [...list.filter((other) => other.person.id !== event.person.id), event]);
      setTimeout(
        () => setTyping((list) => list.filter((other) => other !== event)),
        DISCUSSION_LIMITS.typingTtlMs,
      );
    };
    const onAccess = (event: { roomId: string; role: Role | null }) => {
      if (event.roomId !== roomId) return;
      if (event.role) setRole(event.role);
      else {
        setProblem('You no longer have access to this room.');
        setStatus('closed');
        announceAccessEnded();
      }
    };
    const onConnect = () => void join();
    const onDisconnect = () =>
      !closed && setStatus((current) => (current === 'closed' ? current : 'reconnecting'));

    socket.on(SOCKET_EVENTS.messageNew, onNew);
    socket.on(SOCKET_EVENTS.messageUpdated, onUpdated);
    socket.on(SOCKET_EVENTS.presence, onPresence);
    socket.on(SOCKET_EVENTS.typing, onTyping);
    socket.on(SOCKET_EVENTS.roomAccess, onAccess);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.io.on('reconnect_attempt', onDisconnect);
    if (socket.connected) void join();
    return () => {
      closed = true;
      receiveRef.current = () => undefined;
      clearTimeout(catchUpTimer);
      socket.off(SOCKET_EVENTS.messageNew, onNew);
      socket.off(SOCKET_EVENTS.messageUpdated, onUpdated);
      socket.off(SOCKET_EVENTS.presence, onPresence);
      socket.off(SOCKET_EVENTS.typing, onTyping);
      socket.off(SOCKET_EVENTS.roomAccess, onAccess);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.io.off('reconnect_attempt', onDisconnect);
      if (socket.connected) socket.emit(SOCKET_EVENTS.roomLeave, { roomId });
    };
  }, [roomId, viewerId]);

  const call = useCallback(async <E extends ClientEvent>(event: E, payload: ClientEventPayload<E>) => {
    const answer = await emitWithAck(event, payload);
    const message = answer.ok ? (answer as { message?: Message }).message : undefined;
    if (message && message.seq > stateRef.current.cursor) receiveRef.current(message);
    else if (message) {
      stateRef.current = updateMessage(stateRef.current, message);
      setState(stateRef.current);
    }
    return answer;
  }, []);

  return { status, problem, role, state, readSince: readSince ?? 0, presence, typing, arrivals, call };
}
