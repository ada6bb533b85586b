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
import type {
  ActionUpdatePayload,
  MeetingAction,
  MeetingBid,
  MeetingBidPayload,
  MeetingClockPayload,
  MeetingJoinResult,
  MeetingRefPayload,
  MeetingStagePayload,
  MeetingStateEvent,
  MeetingTimerPayload,
  QuestionHelpfulPayload,
} from '../schemas/meetings.ts';

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
  /** client → server: join a learning set's meeting (needs the ground rules agreed); answers its state and `now`. */
  meetingJoin: 'meeting:join',
  /** client → server: stop receiving a meeting's events. */
  meetingLeave: 'meeting:leave',
  /** client → server, whoever runs the meeting: start it (its first stage, clock running). */
  meetingStart: 'meeting:start',
  /** client → server, whoever runs the meeting: move to any stage (its clock starts afresh). */
  meetingStage: 'meeting:stage',
  /** client → server, whoever runs the meeting: start, pause, resume or add time to the clock. */
  meetingTimer: 'meeting:timer',
  /** client → server, whoever runs the meeting: end it. */
  meetingEnd: 'meeting:end',
  /** client → server, the presenter during their own slot: hide or show the clock for everyone else. */
  meetingClock: 'meeting:clock',
  /** client → server, a member: bid for time (again to change it). */
  meetingBid: 'meeting:bid',
  /** client → server, a member: write an action, change one's own, or answer it (what did I do, what did I learn). */
  actionUpdate: 'action:update',
  /** client → server, the presenter: mark a typed question as one that helped. */
  questionHelpful: 'question:helpful',
  /** server → client: a meeting changed; with the server's `now` to offset the clock. */
  meetingState: 'meeting:state',
  /** server → client: the meeting's bids changed. */
  meetingBids: 'meeting:bids',
  /** server → client: an action was written or answered. */
  actionUpdated: 'action:updated',
  /** server → client: the questions the presenter marked helpful changed. */
  questionsHelpful: 'questions:helpful',
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
  [SOCKET_EVENTS.meetingJoin]: (payload: MeetingRefPayload, ack: Ack<MeetingJoinResult>) => void;
  [SOCKET_EVENTS.meetingLeave]: (payload: MeetingRefPayload, ack?: Ack) => void;
  [SOCKET_EVENTS.meetingStart]: (payload: MeetingRefPayload, ack: Ack<MeetingStateEvent>) => void;
  [SOCKET_EVENTS.meetingStage]: (payload: MeetingStagePayload, ack: Ack<MeetingStateEvent>) => void;
  [SOCKET_EVENTS.meetingTimer]: (payload: MeetingTimerPayload, ack: Ack<MeetingStateEvent>) => void;
  [SOCKET_EVENTS.meetingEnd]: (payload: MeetingRefPayload, ack: Ack<MeetingStateEvent>) => void;
  [SOCKET_EVENTS.meetingClock]: (payload: MeetingClockPayload, ack: Ack<MeetingStateEvent>) => void;
  [SOCKET_EVENTS.meetingBid]: (payload: MeetingBidPayload, ack: Ack<{ bid: MeetingBid }>) => void;
  [SOCKET_EVENTS.actionUpdate]: (payload: ActionUpdatePayload, ack: Ack<{ action: MeetingAction }>) => void;
  [SOCKET_EVENTS.questionHelpful]: (
    payload: QuestionHelpfulPayload,
    ack: Ack<{ helpfulMessageIds: string[] }>,
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
  [SOCKET_EVENTS.meetingState]: (event: MeetingStateEvent) => void;
  [SOCKET_EVENTS.meetingBids]: (event: { meetingId: string; bids: MeetingBid[] }) => void;
  [SOCKET_EVENTS.actionUpdated]: (event: { action: MeetingAction }) => void;
  [SOCKET_EVENTS.questionsHelpful]: (event: { meetingId: string; helpfulMessageIds: string[] }) => void;
}
