import {
  can,
  type MessageDeletePayload,
  type MessageEditPayload,
  type MessageHidePayload,
  type ThreadUpdatePayload,
} from '@common-ground/shared';
import { callerIdentity } from '../../auth/Caller.ts';
import { AppError } from '../../errors.ts';
import { MessageModel } from '../../models/Message.ts';
import { authorize } from '../../policies/authorize.ts';
import type { StoredMessage } from '../../queries/messageHistory.ts';
import { resolveMentions } from '../../queries/resolveMentions.ts';
import { appendChange } from '../../sequencing/changeFeed.ts';
import { loadThreadStarter, type DiscussionActor } from './messageSender.ts';

async function loadMessage(roomId: string, messageId: string): Promise<StoredMessage> {
  const message = await MessageModel.findOne({ _id: messageId, roomId, lost: false }).lean<StoredMessage>();
  if (!message) throw new AppError('not_found', 'That message does not exist in this room.');
  return message;
}

/**
 * Applies a change to a message and records it in the room's change feed, so clients that were away catch up on it.
 * The message is updated before its change record is written, so whoever reads the record sees the change; `version`
 * only ever rises (`$max`), so concurrent changes leave the highest version on the stored message.
 */
async function applyChange(
  roomId: string,
  messageId: string,
  set: Record<string, unknown>,
): Promise<StoredMessage> {
  return appendChange(roomId, messageId, async (seq) => {
    const updated = await MessageModel.findOneAndUpdate(
      { _id: messageId, roomId },
      { $set: set, $max: { version: seq } },
      { new: true },
    ).lean<StoredMessage>();
    if (!updated) throw new AppError('not_found', 'That message does not exist in this room.');
    return updated;
  });
}

function requireAuthor(actor: DiscussionActor, message: StoredMessage): void {
  if (String(message.authorId) !== callerIdentity(actor.caller).id)
    throw new AppError('forbidden', 'You can only change your own messages.');
  if (message.deleted) throw new AppError('conflict', 'That message was deleted.');
}

/** Edits one's own message; it shows as edited. */
export async function editMessage(
  actor: DiscussionActor,
  payload: MessageEditPayload,
): Promise<StoredMessage> {
  authorize(actor.role, 'discussion.post');
  const message = await loadMessage(payload.roomId, payload.messageId);
  requireAuthor(actor, message);
  const mentions = await resolveMentions(
    payload.body,
    String(actor.room.communityId),
    String(message.authorId),
  );
  return applyChange(payload.roomId, payload.messageId, {
    body: payload.body,
    editedAt: new Date(),
    mentions,
  });
}

/** Deletes one's own message, leaving a tombstone so replies and numbering stay intact. */
export async function deleteMessage(
  actor: DiscussionActor,
  payload: MessageDeletePayload,
): Promise<StoredMessage> {
  authorize(actor.role, 'discussion.post');
  const message = await loadMessage(payload.roomId, payload.messageId);
  requireAuthor(actor, message);
  return applyChange(payload.roomId, payload.messageId, { deleted: true, body: '', mentions: [] });
}

/** A facilitator hides (or shows again) a message; others then see "hidden by a facilitator". */
export async function hideMessage(
  actor: DiscussionActor,
  payload: MessageHidePayload,
): Promise<StoredMessage> {
  authorize(actor.role, 'room.moderate');
  await loadMessage(payload.roomId, payload.messageId);
  return applyChange(payload.roomId, payload.messageId, {
    hidden: payload.hidden,
    hiddenBy: payload.hidden ? callerIdentity(actor.caller).id : null,
  });
}

/**
 * Changes a thread's state. Marking a learner's question needs `question.ask` and is for the thread's author or a
 * moderator; marking it answered is for the asker or a moderator; locking is for moderators.
 */
export async function updateThread(
  actor: DiscussionActor,
  payload: ThreadUpdatePayload,
): Promise<StoredMessage> {
  const thread = await loadThreadStarter(payload.roomId, payload.threadId);
  const isAuthor = String(thread.authorId) === callerIdentity(actor.caller).id;
  const moderates = can(actor.role, 'room.moderate');
  const set: Record<string, unknown> = {};
  if (payload.question !== undefined) {
    authorize(actor.role, 'question.ask');
    if (!isAuthor && !moderates)
      throw new AppError('forbidden', 'Only the person who started the thread can mark it as a question.');
    set.question = payload.question;
  }
  if (payload.answered !== undefined) {
    authorize(actor.role, 'discussion.post');
    if (!isAuthor && !moderates)
      throw new AppError('forbidden', 'Only the person who asked, or a facilitator, can mark it answered.');
    if (!thread.question && payload.question !== true)
      throw new AppError('conflict', 'Only a question can be marked answered.');
    if (payload.answered && payload.answerMessageId) {
      const answer = await loadMessage(payload.roomId, payload.answerMessageId);
      if (String(answer.threadId) !== payload.threadId)
        throw new AppError('validation_failed', 'The answer must be a reply in this thread.');
    }
    set.answeredAt = payload.answered ? new Date() : null;
    set.answerMessageId = payload.answered ? (payload.answerMessageId ?? null) : null;
  }
  if (payload.locked !== undefined) {
    authorize(actor.role, 'room.moderate');
    set.locked = payload.locked;
  }
  return applyChange(payload.roomId, payload.threadId, set);
}
