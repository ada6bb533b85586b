import type { ErrorCode } from '../schemas/errors.ts';
import type { Role } from '../permissions/roles.ts';
import type {
  Message,
  MessageDeletePayload,
  MessageEditPayload,
  MessageHidePayload,
  MessageSendPayload,
  Notification,
  Presence,
  ReadMarkPayload,
  RoomJoinPayload,
  RoomJoinResult,
  RoomRefPayload,
  ThreadUpdatePayload,
  TypingPayload,
  MessageAuthor,
} from '../schemas/discussions.ts';
import type {
  OpenDayFollowPayload,
  OpenDayHeadcountEvent,
  OpenDayHostPositionEvent,
  OpenDayJoinResult,
  OpenDayPositionPayload,
  OpenDayQuestionEvent,
  OpenDayQuestionRemovedEvent,
  OpenDayQueueEvent,
  OpenDayRefPayload,
  OpenDayWatchingEvent,
} from '../schemas/openDayRealtime.ts';

/** Every Socket.IO event name; nothing else in the code base spells them. */
export const SOCKET_EVENTS = {
  /** client → server: join a room's discussion and catch up. */
  roomJoin: 'room:join',
  /** client → server: stop receiving a room's events. */
  roomLeave: 'room:leave',
  /** client → server: post a message or reply. */
  messageSend: 'message:send',
  /** client → server: edit one's own message. */
  messageEdit: 'message:edit',
  /** client → server: delete one's own message (a tombstone stays). */
  messageDelete: 'message:delete',
  /** client → server: a moderator hides or shows a message. */
  messageHide: 'message:hide',
  /** client → server: mark a learner's question, answered, or lock a thread. */
  threadUpdate: 'thread:update',
  /** client → server: record where the caller has read up to. */
  readMark: 'read:mark',
  /** both ways: someone is typing. */
  typing: 'typing',
  /** server → client: a new message in a joined room. */
  messageNew: 'message:new',
  /** server → client: a message changed (edit, delete, hide, thread state). */
  messageUpdated: 'message:updated',
  /** server → client: who is in a room now. */
  presence: 'presence',
  /** server → client: the caller's role in a joined room changed, or (role null) they lost access and were removed. */
  roomAccess: 'room:access',
  /** server → client: a notification for the signed-in person. */
  notificationNew: 'notification:new',
  /** client → server: receive an open day's live events (visitors in the live window, hosts at any time). */
  openDayJoin: 'openday:join',
  /** client → server: stop receiving an open day's live events. */
  openDayLeave: 'openday:leave',
  /** client → server: a visitor starts or stops following the host's position (off by default). */
  openDayFollow: 'openday:follow',
  /** client → server: a host says which heading they are on. */
  openDayPosition: 'openday:position',
  /** client → server: where is the host now ("jump to where the host is"), following or not. */
  openDayWhereIsHost: 'openday:whereIsHost',
  /** server → client, followers only: the heading the host is on. */
  openDayHostPosition: 'openday:hostPosition',
  /** server → client, everyone in the open day: an approved question appeared or changed. */
  openDayQuestion: 'openday:question',
  /** server → client, everyone in the open day: a question left the approved list (merged). */
  openDayQuestionRemoved: 'openday:questionRemoved',
  /** server → client, hosts only: a question in the moderation queue was asked or changed. */
  openDayQueue: 'openday:queue',
  /** server → client, everyone in the open day: how many visitors are watching. */
  openDayWatching: 'openday:watching',
  /** server → client, hosts only: who is present, by organisation. */
  openDayHeadcount: 'openday:headcount',
} as const;

/**
 * A socket error as carried in acknowledgements: the same `{ code, message, details }` as an HTTP error body, so
 * `details.retryAfterSeconds` (rate limits) and `details.fields` (validation) reach the client.
 */
export interface SocketError {
  code: ErrorCode;
  message: string;
  details?: SocketErrorDetails;
}

/** What an error's `details` may say; every field is optional. */
export interface SocketErrorDetails {
  /** When to try again, for `rate_limited` and `unavailable` (the database is out of reach). */
  retryAfterSeconds?: number;
  /** Field name → what is wrong with it, for `validation_failed`. */
  fields?: Record<string, string>;
  /** For `wrong_phase`: the open day's phase now, and when what was asked for is available. */
  phase?: string;
  availableFrom?: string | null;
  availableUntil?: string | null;
}

/** Every acknowledgement: `{ ok: true, ...result }` or `{ ok: false, error }`. */
export type AckResponse<T extends object = object> = ({ ok: true } & T) | { ok: false; error: SocketError };
/** The callback a client passes as the last argument. */
export type Ack<T extends object = object> = (response: AckResponse<T>) => void;

/** Events the client sends; the server validates every payload, whatever the types say. */
export interface ClientToServerEvents {
  [SOCKET_EVENTS.roomJoin]: (payload: RoomJoinPayload, ack: Ack<RoomJoinResult>) => void;
  [SOCKET_EVENTS.roomLeave]: (payload: RoomRefPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.messageSend]: (payload: MessageSendPayload, ack: Ack<{ message: Message }>) => void;
  [SOCKET_EVENTS.messageEdit]: (payload: MessageEditPayload, ack: Ack<{ message: Message }>) => void;
  [SOCKET_EVENTS.messageDelete]: (payload: MessageDeletePayload, ack: Ack<{ message: Message }>) => void;
  [SOCKET_EVENTS.messageHide]: (payload: MessageHidePayload, ack: Ack<{ message: Message }>) => void;
  [SOCKET_EVENTS.threadUpdate]: (payload: ThreadUpdatePayload, ack: Ack<{ message: Message }>) => void;
  [SOCKET_EVENTS.readMark]: (payload: ReadMarkPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.typing]: (payload: TypingPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.openDayJoin]: (payload: OpenDayRefPayload, ack: Ack<OpenDayJoinResult>) => void;
  [SOCKET_EVENTS.openDayLeave]: (payload: OpenDayRefPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.openDayFollow]: (
    payload: OpenDayFollowPayload,
    ack: Ack<{ following: boolean; hostHeadingId: string | null }>,
  ) => void;
  [SOCKET_EVENTS.openDayPosition]: (payload: OpenDayPositionPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.openDayWhereIsHost]: (
    payload: OpenDayRefPayload,
    ack: Ack<{ hostHeadingId: string | null }>,
  ) => void;
}

/** Any event a client may send. */
export type ClientEvent = keyof ClientToServerEvents;
/** The payload a client sends with `event`. */
export type ClientEventPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
/** The acknowledgement the server answers `event` with. */
export type ClientEventAck<E extends ClientEvent> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[E]>[1]>
>[0];
/** What a successful acknowledgement of `event` carries besides `ok: true`. */
export type ClientEventResult<E extends ClientEvent> = Omit<Extract<ClientEventAck<E>, { ok: true }>, 'ok'>;

/** Someone typing, as others see it. */
export interface TypingEvent {
  roomId: string;
  threadId: string | null;
  person: MessageAuthor;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  [SOCKET_EVENTS.messageNew]: (event: { message: Message }) => void;
  [SOCKET_EVENTS.messageUpdated]: (event: { message: Message }) => void;
  [SOCKET_EVENTS.typing]: (event: TypingEvent) => void;
  [SOCKET_EVENTS.presence]: (event: Presence) => void;
  [SOCKET_EVENTS.roomAccess]: (event: { roomId: string; role: Role | null }) => void;
  [SOCKET_EVENTS.notificationNew]: (event: { notification: Notification }) => void;
  [SOCKET_EVENTS.openDayHostPosition]: (event: OpenDayHostPositionEvent) => void;
  [SOCKET_EVENTS.openDayQuestion]: (event: OpenDayQuestionEvent) => void;
  [SOCKET_EVENTS.openDayQuestionRemoved]: (event: OpenDayQuestionRemovedEvent) => void;
  [SOCKET_EVENTS.openDayQueue]: (event: OpenDayQueueEvent) => void;
  [SOCKET_EVENTS.openDayWatching]: (event: OpenDayWatchingEvent) => void;
  [SOCKET_EVENTS.openDayHeadcount]: (event: OpenDayHeadcountEvent) => void;
}
