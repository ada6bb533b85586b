import { z } from 'zod';
import { ROLES } from '../permissions/roles.ts';
import { DISCUSSION_LIMITS } from '../limits.ts';
import { idSchema, isoDateSchema } from './common.ts';
import { organisationTagSchema } from './organisations.ts';

/** A message body: Markdown subset stored as text; trimmed, non-empty, bounded. */
export const messageBodySchema = z
  .string()
  .trim()
  .min(1, 'write a message first')
  .max(DISCUSSION_LIMITS.messageLength, `must be at most ${DISCUSSION_LIMITS.messageLength} characters`);

const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Who wrote a message: their name and confirmed organisation at the time. */
export const messageAuthorSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  organisation: organisationTagSchema.nullable(),
});
export type MessageAuthor = z.infer<typeof messageAuthorSchema>;

/**
 * A message in a room's discussion. A message with `threadId: null` starts a thread and carries the thread's state
 * (learner's question, answered, locked); replies point at it. `seq` rises by exactly one per room; `version` rises
 * with every later change (edit, delete, hide, thread state) so clients keep the newest copy.
 */
export const messageSchema = z.object({
  id: idSchema,
  roomId: idSchema,
  threadId: idSchema.nullable(),
  seq: z.number().int(),
  version: z.number().int(),
  author: messageAuthorSchema,
  /** Empty when deleted, or hidden and the viewer is not a moderator. */
  body: z.string(),
  createdAt: isoDateSchema,
  editedAt: isoDateSchema.nullable(),
  deleted: z.boolean(),
  hidden: z.boolean(),
  /** Thread state; meaningful on thread starters only. */
  question: z.boolean(),
  answeredAt: isoDateSchema.nullable(),
  answerMessageId: idSchema.nullable(),
  locked: z.boolean(),
  /** A number that carries no message (a send that never completed); clients skip it. */
  lost: z.boolean(),
  /** People mentioned with `@Display Name`. */
  mentions: z.array(idSchema),
});
export type Message = z.infer<typeof messageSchema>;

/** Where the caller has read up to in a room, and in each thread they opened. */
export const readStateSchema = z.object({
  lastReadSeq: z.number().int(),
  threads: z.record(idSchema, z.number().int()),
});
export type ReadState = z.infer<typeof readStateSchema>;

/** Someone in the room right now; visitors count only as a headcount. */
export const presenceSchema = z.object({
  roomId: idSchema,
  people: z.array(messageAuthorSchema),
  visitors: z.number().int(),
  /** The visitors' display names, sorted; sent only to the room's facilitators (those who may moderate it). */
  visitorNames: z.array(z.string()).optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

/** `room:join` payload: `after` is the last seq the client has (0 or absent: from the start). */
export const roomJoinPayloadSchema = z.strictObject({
  roomId: idSchema,
  after: seqSchema.optional(),
  /** The last change version the client has seen; absent on a first join. */
  changesAfter: seqSchema.optional(),
});
export type RoomJoinPayload = z.infer<typeof roomJoinPayloadSchema>;

/** `room:join` success: one page of messages after `after`, oldest first, and changes after `changesAfter`. */
export const roomJoinResultSchema = z.object({
  role: z.enum(ROLES),
  messages: z.array(messageSchema),
  hasMore: z.boolean(),
  latestSeq: z.number().int(),
  changes: z.array(messageSchema),
  changesHaveMore: z.boolean(),
  latestChangeSeq: z.number().int(),
  readState: readStateSchema,
});
export type RoomJoinResult = z.infer<typeof roomJoinResultSchema>;

/** `room:leave` and `presence` requests. */
export const roomRefPayloadSchema = z.strictObject({ roomId: idSchema });
export type RoomRefPayload = z.infer<typeof roomRefPayloadSchema>;

/**
 * `message:send` payload; repeating `clientMessageId` returns the original message. `question: true` starts the thread
 * as a learner's question in the same write (only a new thread can be one).
 */
export const messageSendPayloadSchema = z
  .strictObject({
    roomId: idSchema,
    threadId: idSchema.optional(),
    body: messageBodySchema,
    clientMessageId: z
      .string()
      .min(8)
      .max(DISCUSSION_LIMITS.clientMessageIdLength)
      .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
    question: z.boolean().optional(),
  })
  .refine((p) => !(p.question && p.threadId), {
    message: 'only a new thread can be asked as a question, not a reply',
    path: ['question'],
  });
export type MessageSendPayload = z.infer<typeof messageSendPayloadSchema>;

/** `message:edit` payload (authors only). */
export const messageEditPayloadSchema = z.strictObject({
  roomId: idSchema,
  messageId: idSchema,
  body: messageBodySchema,
});
export type MessageEditPayload = z.infer<typeof messageEditPayloadSchema>;

/** `message:delete` payload (authors only): leaves a tombstone. */
export const messageDeletePayloadSchema = z.strictObject({ roomId: idSchema, messageId: idSchema });
export type MessageDeletePayload = z.infer<typeof messageDeletePayloadSchema>;

/** `message:hide` payload (moderators): hides or shows a message. */
export const messageHidePayloadSchema = z.strictObject({
  roomId: idSchema,
  messageId: idSchema,
  hidden: z.boolean(),
});
export type MessageHidePayload = z.infer<typeof messageHidePayloadSchema>;

/** `thread:update` payload: mark a learner's question, mark it answered, or lock the thread. */
export const threadUpdatePayloadSchema = z
  .strictObject({
    roomId: idSchema,
    threadId: idSchema,
    question: z.boolean().optional(),
    answered: z.boolean().optional(),
    answerMessageId: idSchema.optional(),
    locked: z.boolean().optional(),
  })
  .refine((p) => p.question !== undefined || p.answered !== undefined || p.locked !== undefined, {
    message: 'say what to change: question, answered or locked',
  });
export type ThreadUpdatePayload = z.infer<typeof threadUpdatePayloadSchema>;

/** `typing` payload: the client is writing in a room (and thread). */
export const typingPayloadSchema = z.strictObject({ roomId: idSchema, threadId: idSchema.optional() });
export type TypingPayload = z.infer<typeof typingPayloadSchema>;

/** `read:mark` payload: the caller has read up to `seq` in the room or one thread. */
export const readMarkPayloadSchema = z.strictObject({
  roomId: idSchema,
  threadId: idSchema.optional(),
  seq: seqSchema,
});
export type ReadMarkPayload = z.infer<typeof readMarkPayloadSchema>;

/** `GET /api/rooms/:id/messages` query. */
export const messageHistoryQuerySchema = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(DISCUSSION_LIMITS.pageSize))
    .optional(),
});
export type MessageHistoryQuery = z.infer<typeof messageHistoryQuerySchema>;

/** `GET /api/rooms/:id/messages` answer: the same page `room:join` gives. */
export const messageHistorySchema = z.object({
  messages: z.array(messageSchema),
  hasMore: z.boolean(),
  latestSeq: z.number().int(),
});
export type MessageHistory = z.infer<typeof messageHistorySchema>;

/** Things that notify a person. */
/** A mention, an answer to one's question, (for an organisation's admins) someone asking to join it, or a partnership's prompts. */
export const NOTIFICATION_KINDS = [
  'mention',
  'answer',
  'join-request',
  // A partnership has been quiet: its own people are asked for a check-in first.
  'partnership-check-in',
  // The quiet continued after the check-in was asked: the community's facilitators are told.
  'partnership-still-quiet',
  // A sponsor changed: both sides are asked to re-contract.
  'partnership-recontract',
] as const;

/** An in-app notification. */
export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  /** The room and message of a mention or answer; null for a join request. */
  roomId: idSchema.nullable(),
  roomTitle: z.string(),
  messageId: idSchema.nullable(),
  /** The organisation someone asked to join (a join request only). */
  organisation: z.object({ id: idSchema, name: z.string() }).nullable(),
  threadId: idSchema.nullable(),
  actor: z.object({ id: idSchema, displayName: z.string() }),
  excerpt: z.string(),
  createdAt: isoDateSchema,
  readAt: isoDateSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** `POST /api/notifications/read` body: some notifications, or all of them. */
export const markNotificationsReadBodySchema = z
  .strictObject({
    ids: z.array(idSchema).max(DISCUSSION_LIMITS.notificationsPageSize).optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => Boolean(b.ids?.length) !== Boolean(b.all), { message: 'give either ids or all: true' });
export type MarkNotificationsReadBody = z.infer<typeof markNotificationsReadBodySchema>;
export const unreadCountSchema = z.object({ unreadCount: z.number().int() });

/** What changed in one room since the person last read it. */
export const digestRoomSchema = z.object({
  roomId: idSchema,
  roomTitle: z.string(),
  communityName: z.string(),
  newMessages: z.number().int(),
  newQuestions: z.number().int(),
  answeredQuestions: z.number().int(),
  unreadMentions: z.number().int(),
});
/** A person's digest of their rooms. */
export const digestSchema = z.object({ generatedAt: isoDateSchema, rooms: z.array(digestRoomSchema) });
export type Digest = z.infer<typeof digestSchema>;
export const digestResponseSchema = z.object({ digest: digestSchema });
