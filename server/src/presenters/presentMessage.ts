import type { Message } from '@common-ground/shared';
import type { MessageRecord } from '../models/Message.ts';

type MessageFields = Pick<
  MessageRecord,
  | '_id'
  | 'roomId'
  | 'threadId'
  | 'seq'
  | 'version'
  | 'authorId'
  | 'authorName'
  | 'authorOrganisationId'
  | 'authorOrganisationName'
  | 'authorOrganisationVerified'
  | 'body'
  | 'createdAt'
  | 'editedAt'
  | 'deleted'
  | 'hidden'
  | 'question'
  | 'answeredAt'
  | 'answerMessageId'
  | 'locked'
  | 'mentions'
  | 'lost'
>;

/**
 * Message model → DTO for one viewer. Deleted messages lose their body; hidden ones keep it only for moderators,
 * so a hidden message's text never reaches anyone else's browser.
 */
export function presentMessage(message: MessageFields, viewer: { canModerate: boolean }): Message {
  const withheld = message.deleted || (message.hidden && !viewer.canModerate);
  return {
    id: String(message._id),
    roomId: String(message.roomId),
    threadId: message.threadId ? String(message.threadId) : null,
    seq: message.seq,
    version: message.version,
    author: {
      id: String(message.authorId),
      displayName: message.authorName,
      organisation:
        message.authorOrganisationId && message.authorOrganisationName
          ? {
              id: String(message.authorOrganisationId),
              name: message.authorOrganisationName,
              verified: message.authorOrganisationVerified,
            }
          : null,
    },
    body: withheld ? '' : message.body,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt ? message.editedAt.toISOString() : null,
    deleted: message.deleted,
    hidden: message.hidden,
    question: message.question,
    answeredAt: message.answeredAt ? message.answeredAt.toISOString() : null,
    answerMessageId: message.answerMessageId ? String(message.answerMessageId) : null,
    locked: message.locked,
    lost: message.lost,
    mentions: message.mentions.map(String),
  };
}
