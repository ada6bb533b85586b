import { useCallback, useEffect, useState } from 'react';
import {
  SOCKET_EVENTS,
  type ClientEvent,
  type ClientEventPayload,
  type Meeting,
  type MeetingAction,
  type MeetingBid,
  type Message,
  type SocketError,
} from '@common-ground/shared';
import { emitWithAck, getSocket } from '../realtime/socket.ts';

/** A meeting as this screen holds it, with the offset from this device's clock to the server's. */
export interface MeetingView {
  meeting: Meeting;
  bids: MeetingBid[];
  actions: MeetingAction[];
  helpfulMessageIds: string[];
  /** Typed questions posted in the room's discussion while this screen was open. */
  questions: Message[];
  /** serverNow - Date.now() when the last state arrived: add it to Date.now() to read the server's clock. */
  offsetMs: number;
}

/**
 * Joins a meeting over the shared socket and keeps it current from `meeting:state`, `meeting:bids`,
 * `action:updated` and `questions:helpful`; joins again after a reconnect, so the clock is recomputed from the
 * server's `now`.
 */
export function useMeeting(meetingId: string) {
  const [view, setView] = useState<MeetingView | null>(null);
  const [error, setError] = useState<SocketError | null>(null);

  useEffect(() => {
    const socket = getSocket();
    let active = true;
    const join = async () => {
      const answer = await emitWithAck(SOCKET_EVENTS.meetingJoin, { meetingId });
      if (!active) return;
      if (!answer.ok) return setError(answer.error);
      setError(null);
      const { meeting, bids, actions, helpfulMessageIds, now } = answer;
      setView((before) => ({
        meeting,
        bids,
        actions,
        helpfulMessageIds,
        questions: before?.questions ?? [],
        offsetMs: Date.parse(now) - Date.now(),
      }));
    };
    const onState = ({ meeting, now }: { meeting: Meeting; now: string }) => {
      if (meeting.id !== meetingId) return;
      setView((before) => before && { ...before, meeting, offsetMs: Date.parse(now) - Date.now() });
    };
    const onBids = ({ meetingId: id, bids }: { meetingId: string; bids: MeetingBid[] }) => {
      if (id === meetingId) setView((before) => before && { ...before, bids });
    };
    const onAction = ({ action }: { action: MeetingAction }) =>
      setView((before) => before && { ...before, actions: upsert(before.actions, action) });
    const onHelpful = ({
      meetingId: id,
      helpfulMessageIds,
    }: {
      meetingId: string;
      helpfulMessageIds: string[];
    }) => {
      if (id === meetingId) setView((before) => before && { ...before, helpfulMessageIds });
    };
    const onMessage = ({ message }: { message: Message }) =>
      setView((before) =>
        before && message.roomId === before.meeting.roomId && message.question
          ? { ...before, questions: upsert(before.questions, message) }
          : before,
      );
    const onConnect = () => void join();
    socket.on(SOCKET_EVENTS.meetingState, onState);
    socket.on(SOCKET_EVENTS.meetingBids, onBids);
    socket.on(SOCKET_EVENTS.actionUpdated, onAction);
    socket.on(SOCKET_EVENTS.questionsHelpful, onHelpful);
    socket.on(SOCKET_EVENTS.messageNew, onMessage);
    socket.on('connect', onConnect);
    void join();
    return () => {
      active = false;
      socket.off(SOCKET_EVENTS.meetingState, onState);
      socket.off(SOCKET_EVENTS.meetingBids, onBids);
      socket.off(SOCKET_EVENTS.actionUpdated, onAction);
      socket.off(SOCKET_EVENTS.questionsHelpful, onHelpful);
      socket.off(SOCKET_EVENTS.messageNew, onMessage);
      socket.off('connect', onConnect);
      socket.emit(SOCKET_EVENTS.meetingLeave, { meetingId });
    };
  }, [meetingId]);

  /** Sends an event and applies what it answers; returns the error to show, or null. */
  const send = useCallback(
    async <E extends ClientEvent>(event: E, payload: ClientEventPayload<E>): Promise<SocketError | null> => {
      const answer = await emitWithAck(event, payload);
      if (!answer.ok) return answer.error;
      const result = answer as unknown as {
        meeting?: Meeting;
        now?: string;
        action?: MeetingAction;
        message?: Message;
        helpfulMessageIds?: string[];
      };
      setView((before) => {
        if (!before) return before;
        let next = before;
        if (result.meeting && result.now)
          next = { ...next, meeting: result.meeting, offsetMs: Date.parse(result.now) - Date.now() };
        if (result.action) next = { ...next, actions: upsert(next.actions, result.action) };
        if (result.message?.question) next = { ...next, questions: upsert(next.questions, result.message) };
        if (result.helpfulMessageIds) next = { ...next, helpfulMessageIds: result.helpfulMessageIds };
        return next;
      });
      return null;
    },
    [],
  );

  /** Replaces the meeting after an HTTP change (the server also sends `meeting:state`). */
  const replaceMeeting = useCallback(
    (meeting: Meeting) => setView((before) => before && { ...before, meeting }),
    [],
  );

  return { view, error, send, replaceMeeting };
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const at = list.findIndex((entry) => entry.id === item.id);
  if (at === -1) return [...list, item];
  const next = [...list];
  next[at] = item;
  return next;
}
