import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { DISCUSSION_LIMITS, type MessageSendPayload, type Role } from '@common-ground/shared';
import { callerIdentity, type Caller } from '../../auth/Caller.ts';
import type { Env } from '../../env.ts';
import { AppError } from '../../errors.ts';
import { hitRateLimit } from '../../middlewares/rateLimit.ts';
import { MessageModel } from '../../models/Message.ts';
import type { NotificationRecord } from '../../models/Notification.ts';
import type { RoomRecord } from '../../models/Room.ts';
import type { StoredMessage } from '../../queries/messageHistory.ts';
import { resolveMentions } from '../../queries/resolveMentions.ts';
import { appendMessage } from '../../sequencing/messageAppender.ts';
import { createNotifications } from './notificationCreator.ts';

/** Who is acting where, as the policy resolved it for this very event. */
export interface DiscussionActor {
  caller: Caller;
  room: RoomRecord;
  role: Role;
}

/** The outcome of a send: the message, whether this call created it, and notifications to deliver. */
export interface SendResult {
  message: StoredMessage;
  created: boolean;
  notifications: NotificationRecord[];
}

/** Loads a thread starter in the room, or 404. */
export async function loadThreadStarter(roomId: string, threadId: string): Promise<StoredMessage> {
  const thread = await MessageModel.findOne({
    _id: threadId,
    roomId,
    threadId: null,
    lost: false,
  }).lean<StoredMessage>();
  if (!thread) throw new AppError('not_found', 'That thread does not exist in this room.');
  return thread;
}

/**
 * A message's id, derived from its idempotency key, so a retry is found by `_id` (which every backend looks up by
 * index; FerretDB over SQLite scans for other filters) and two racing inserts collide on `_id` as well as on the
 * unique (roomId, authorId, clientMessageId) index.
 */
export function messageIdFor(key: {
  roomId: string;
  authorId: string;
  clientMessageId: string;
}): Types.ObjectId {
  const digest = createHash('sha256')
    .update(`${key.roomId}:${key.authorId}:${key.clientMessageId}`)
    .digest('hex');
  return new Types.ObjectId(digest.slice(0, 24));
}

/**
 * Posts a message or reply, optionally asked as a learner's question. Idempotent per (room, author, clientMessageId):
 * a retry returns the original message with `created: false`, whether the first attempt's ack was lost or two
 * attempts raced each other on any instances; the unique indexes decide (see sequencing/messageAppender.ts).
 */
export async function sendMessage(
  actor: DiscussionActor,
  payload: MessageSendPayload,
  env: Pick<Env, 'DISABLE_RATE_LIMITS'>,
): Promise<SendResult> {
  const author = callerIdentity(actor.caller);
  const roomId = String(actor.room._id);
  const key = { roomId, authorId: author.id, clientMessageId: payload.clientMessageId };
  const _id = messageIdFor(key);
  const existing = await MessageModel.findById(_id).lean<StoredMessage>();
  if (existing) return { message: existing, created: false, notifications: [] };

  const thread = payload.threadId ? await loadThreadStarter(roomId, payload.threadId) : null;
  if (thread?.deleted) throw new AppError('conflict', 'That thread was deleted.');

  if (!env.DISABLE_RATE_LIMITS) {
    const limit = await hitRateLimit('message.send', author.id, DISCUSSION_LIMITS.messagesPerMinute, 60_000);
    if (!limit.allowed)
      throw new AppError('rate_limited', 'You are sending messages too quickly. Please wait a moment.', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
  }

  const mentions = await resolveMentions(payload.body, actor.room, author.id);
  const { message, created } = await appendMessage({
    _id,
    ...key,
    threadId: thread?._id ?? null,
    authorName: author.displayName,
    authorOrganisationId: author.organisation?.id ?? null,
    authorOrganisationName: author.organisation?.name ?? null,
    authorOrganisationVerified: author.organisation?.verified ?? false,
    body: payload.body,
    mentions,
    question: payload.question ?? false,
  });
  if (!created) return { message, created, notifications: [] };

  const source = {
    roomId: actor.room._id,
    roomTitle: actor.room.title,
    messageId: message._id,
    threadId: message.threadId,
    actorId: new Types.ObjectId(author.id),
    actorName: author.displayName,
    body: payload.body,
  };
  const notifications = await createNotifications(mentions, 'mention', source);
  if (
    thread?.question &&
    String(thread.authorId) !== author.id &&
    !mentions.includes(String(thread.authorId))
  ) {
    notifications.push(...(await createNotifications([String(thread.authorId)], 'answer', source)));
  }
  return { message, created, notifications };
}
