import { useCallback, useEffect, useState } from 'react';
import {
  SOCKET_EVENTS,
  type HostHeadcount,
  type HostQuestion,
  type PublicQuestion,
} from '@common-ground/shared';
import { emitWithAck, getSocket } from '../realtime/socket.ts';

/** An open day's live state over the shared socket: approved questions, watching count, host position, and for hosts the queue and headcount. */
export interface OpenDayLiveState {
  joined: boolean;
  problem: string | null;
  questions: PublicQuestion[];
  watching: number;
  hostHeadingId: string | null;
  queue: HostQuestion[] | null;
  headcount: HostHeadcount | null;
  /** Puts a question the caller changed (a vote, a moderation step) in place without waiting for the broadcast. */
  putQuestion(question: PublicQuestion): void;
  putQueued(question: HostQuestion): void;
  /** Starts or stops receiving the host's position; answers where the host is now. */
  follow(following: boolean): Promise<string | null>;
  /** Asks where the host is now, whether following or not. */
  whereIsHost(): Promise<string | null>;
  /** Says which heading the host is on (hosts only; the server ignores others). */
  sendPosition(headingId: string): void;
}

/** Approved questions, most votes first, then oldest first. */
export const byVotes = <Q extends { votes: number; id: string }>(questions: Q[]): Q[] =>
  [...questions].sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id));

const upsert = <Q extends { id: string; votes: number }>(list: Q[], question: Q): Q[] =>
  byVotes([...list.filter((q) => q.id !== question.id), question]);

/** Joins an open day's live events (again on every reconnect) and keeps its state current. */
export function useOpenDayLive(openDayId: string): OpenDayLiveState {
  const [joined, setJoined] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [questions, setQuestions] = useState<PublicQuestion[]>([]);
  const [watching, setWatching] = useState(0);
  const [hostHeadingId, setHostHeadingId] = useState<string | null>(null);
  const [queue, setQueue] = useState<HostQuestion[] | null>(null);
  const [headcount, setHeadcount] = useState<HostHeadcount | null>(null);

  useEffect(() => {
    const socket = getSocket();
    let closed = false;
    const join = async () => {
      const answer = await emitWithAck(SOCKET_EVENTS.openDayJoin, { openDayId });
      if (closed) return;
      if (!answer.ok) {
        setProblem(answer.error.message);
        return;
      }
      setProblem(null);
      setJoined(true);
      setQuestions(byVotes(answer.questions));
      setWatching(answer.watching);
      setHostHeadingId(answer.hostHeadingId);
      setQueue(answer.host ? byVotes(answer.host.queue) : null);
      setHeadcount(answer.host?.headcount ?? null);
    };
    const onConnect = () => void join();
    const mine = (event: { openDayId: string }) => event.openDayId === openDayId;
    const onQuestion = ({ question }: { question: PublicQuestion }) =>
      mine(question) && setQuestions((list) => upsert(list, question));
    const onRemoved = (event: { openDayId: string; questionId: string }) =>
      mine(event) && setQuestions((list) => list.filter((q) => q.id !== event.questionId));
    const onQueue = ({ question }: { question: HostQuestion }) =>
      mine(question) && setQueue((list) => (list ? upsert(list, question) : list));
    const onWatching = (event: { openDayId: string; watching: number }) =>
      mine(event) && setWatching(event.watching);
    const onHeadcount = (event: HostHeadcount) => mine(event) && setHeadcount(event);
    const onPosition = (event: { openDayId: string; headingId: string }) =>
      mine(event) && setHostHeadingId(event.headingId);

    socket.on('connect', onConnect);
    socket.on(SOCKET_EVENTS.openDayQuestion, onQuestion);
    socket.on(SOCKET_EVENTS.openDayQuestionRemoved, onRemoved);
    socket.on(SOCKET_EVENTS.openDayQueue, onQueue);
    socket.on(SOCKET_EVENTS.openDayWatching, onWatching);
    socket.on(SOCKET_EVENTS.openDayHeadcount, onHeadcount);
    socket.on(SOCKET_EVENTS.openDayHostPosition, onPosition);
    if (socket.connected) void join();
    return () => {
      closed = true;
      socket.off('connect', onConnect);
      socket.off(SOCKET_EVENTS.openDayQuestion, onQuestion);
      socket.off(SOCKET_EVENTS.openDayQuestionRemoved, onRemoved);
      socket.off(SOCKET_EVENTS.openDayQueue, onQueue);
      socket.off(SOCKET_EVENTS.openDayWatching, onWatching);
      socket.off(SOCKET_EVENTS.openDayHeadcount, onHeadcount);
      socket.off(SOCKET_EVENTS.openDayHostPosition, onPosition);
      socket.emit(SOCKET_EVENTS.openDayLeave, { openDayId });
    };
  }, [openDayId]);

  const putQuestion = useCallback(
    (question: PublicQuestion) => setQuestions((list) => upsert(list, question)),
    [],
  );
  const putQueued = useCallback(
    (question: HostQuestion) => setQueue((list) => (list ? upsert(list, question) : list)),
    [],
  );
  const follow = useCallback(
    async (following: boolean) => {
      const answer = await emitWithAck(SOCKET_EVENTS.openDayFollow, { openDayId, following });
      if (!answer.ok) return null;
      setHostHeadingId(answer.hostHeadingId);
      return answer.hostHeadingId;
    },
    [openDayId],
  );
  const whereIsHost = useCallback(async () => {
    const answer = await emitWithAck(SOCKET_EVENTS.openDayWhereIsHost, { openDayId });
    if (!answer.ok) return null;
    setHostHeadingId(answer.hostHeadingId);
    return answer.hostHeadingId;
  }, [openDayId]);
  const sendPosition = useCallback(
    (headingId: string) => getSocket().emit(SOCKET_EVENTS.openDayPosition, { openDayId, headingId }),
    [openDayId],
  );

  return {
    joined,
    problem,
    questions,
    watching,
    hostHeadingId,
    queue,
    headcount,
    putQuestion,
    putQueued,
    follow,
    whereIsHost,
    sendPosition,
  };
}
