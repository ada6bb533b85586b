import type {
  MessageDeletePayload,
  MessageEditPayload,
  MessageHidePayload,
  ThreadUpdatePayload,
} from '@common-ground/shared';
import { callerIdentity } from '../../auth/Caller.ts';
import { AppError } from '../../errors.ts';
import { MessageModel } from '../../models/Message.ts';
import type { StoredMessage } from '../../queries/messageHistory.ts';
import { resolveMentions } from '../../queries/resolveMentions.ts';
import { appendChange } from '../../sequencing/changeFeed.ts';
import type { DiscussionActor } from './messageSender.ts';

/** Loads a message in the room (not a lost number), or 404. */
export async function loadMessage(roomId: string, messageId: string): Promise<StoredMessage> {
  const message = await MessageModel.findOne({ _id: messageId, roomId, lost: false }).lean<StoredMessage>();
  if (!message) throw new AppError('not_found', 'That message does not exist in this room.');
  return message;
}

/**
 * Applies a change to a message and records it in the room's change feed, so clients that were away catch up on it.
 * The message is updated before its change record is written, so whoever reads the record sees the change; `version`
 * only ever rises (`$max`), so concurrent changes leave the highest version on the stored message.
 */
export async function applyChange(
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

function refuseIfDeleted(message: StoredMessage): void {
  if (message.deleted) throw new AppError('conflict', 'That message was deleted.');
}

/** Edits a message (the policy has allowed it); it shows as edited. */
export async function editMessage(
  actor: DiscussionActor,
  message: StoredMessage,
  payload: MessageEditPayload,
): Promise<StoredMessage> {
  refuseIfDeleted(message);
  const mentions = await resolveMentions(payload.body, actor.room, String(message.authorId));
  return applyChange(payload.roomId, payload.messageId, {
    body: payload.body,
    editedAt: new Date(),
    mentions,
  });
}

/** Deletes a message (the policy has allowed it), leaving a tombstone so replies and numbering stay intact. */
export async function deleteMessage(
  message: StoredMessage,
  payload: MessageDeletePayload,
): Promise<StoredMessage> {
  refuseIfDeleted(message);
  return applyChange(payload.roomId, payload.messageId, { deleted: true, body: '', mentions: [] });
}

/** Hides (or shows again) a message the policy let a moderator hide; others then see "hidden by a facilitator". */
export async function hideMessage(
  actor: DiscussionActor,
  payload: MessageHidePayload,
): Promise<StoredMessage> {
  return applyChange(payload.roomId, payload.messageId, {
    hidden: payload.hidden,
    hiddenBy: payload.hidden ? callerIdentity(actor.caller).id : null,
  });
}

/**
 * Changes a thread's state (the policy has allowed each change, per threadAbilities): learner's question, answered
 * (only a question can be, and its answer must be a reply in the thread), locked.
 */
export async function updateThread(
  thread: StoredMessage,
  payload: ThreadUpdatePayload,
): Promise<StoredMessage> {
  const set: Record<string, unknown> = {};
  if (payload.question !== undefined) set.question = payload.question;
  if (payload.answered !== undefined) {
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
  if (payload.locked !== undefined) set.locked = payload.locked;
  return applyChange(payload.roomId, payload.threadId, set);
}
