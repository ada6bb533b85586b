import {
  messageAbilities,
  threadAbilities,
  type MessageFacts,
  type MessageSendPayload,
  type ThreadFacts,
  type ThreadUpdatePayload,
  type Viewer,
} from '@common-ground/shared';
import { callerIdentity } from '../auth/Caller.ts';
import { loadMessage } from '../commands/messages/messageChanger.ts';
import type { StoredMessage } from '../queries/messageHistory.ts';
import { loadThreadStarter, type DiscussionActor } from '../commands/messages/messageSender.ts';
import { authorize, authorizeAbility } from './authorize.ts';

function viewerOf(actor: DiscussionActor): Viewer {
  return { id: callerIdentity(actor.caller).id, role: actor.role };
}

function factsOf(message: StoredMessage): MessageFacts & ThreadFacts {
  return {
    author: { id: String(message.authorId) },
    threadId: message.threadId ? String(message.threadId) : null,
    locked: message.locked,
  };
}

/**
 * `message:send`: posting needs `discussion.post`, asking it as a learner's question `question.ask`; a reply asks the
 * thread's rules (a locked thread refuses it).
 */
export async function authorizeSend(actor: DiscussionActor, payload: MessageSendPayload): Promise<void> {
  authorize(actor.role, 'discussion.post');
  if (payload.question) authorize(actor.role, 'question.ask');
  if (!payload.threadId) return;
  const thread = await loadThreadStarter(payload.roomId, payload.threadId);
  authorizeAbility(
    threadAbilities(viewerOf(actor), factsOf(thread)).reply,
    'This thread is locked: no more replies.',
  );
}

/** `message:edit` and `message:delete`: loads the message and asks its rules; returns it for the command. */
export async function authorizeOwnChange(
  actor: DiscussionActor,
  payload: { roomId: string; messageId: string },
  change: 'edit' | 'delete',
): Promise<StoredMessage> {
  authorize(actor.role, 'discussion.post');
  const message = await loadMessage(payload.roomId, payload.messageId);
  authorizeAbility(
    messageAbilities(viewerOf(actor), factsOf(message), null)[change],
    'You can only change your own messages.',
  );
  return message;
}

/** `message:hide`: loads the message and asks its rules; returns it for the command. */
export async function authorizeHide(
  actor: DiscussionActor,
  payload: { roomId: string; messageId: string },
): Promise<StoredMessage> {
  const message = await loadMessage(payload.roomId, payload.messageId);
  authorizeAbility(messageAbilities(viewerOf(actor), factsOf(message), null).hide);
  return message;
}

/** `thread:update`: loads the thread and asks its rules about each change the payload makes; returns it. */
export async function authorizeThreadUpdate(
  actor: DiscussionActor,
  payload: ThreadUpdatePayload,
): Promise<StoredMessage> {
  const thread = await loadThreadStarter(payload.roomId, payload.threadId);
  const abilities = threadAbilities(viewerOf(actor), factsOf(thread));
  if (payload.question !== undefined) {
    authorize(actor.role, 'question.ask');
    authorizeAbility(
      abilities.markQuestion,
      'Only the person who started the thread can mark it as a question.',
    );
  }
  if (payload.answered !== undefined) {
    authorize(actor.role, 'discussion.post');
    authorizeAbility(
      abilities.markAnswered,
      'Only the person who asked, or a facilitator, can mark it answered.',
    );
  }
  if (payload.locked !== undefined) authorizeAbility(abilities.lock);
  return thread;
}
