import type { Types } from 'mongoose';
import { NotificationModel, type NotificationRecord } from '../../models/Notification.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';

const EXCERPT_LENGTH = 140;

/** What a notification points at. */
export interface NotificationSource {
  roomId: Types.ObjectId;
  roomTitle: string;
  messageId: Types.ObjectId;
  threadId?: Types.ObjectId | null;
  actorId: Types.ObjectId;
  actorName: string;
  body: string;
}

/** Stores one notification per person (once per message and kind, even if the send is retried). */
export async function createNotifications(
  userIds: string[],
  kind: 'mention' | 'answer',
  source: NotificationSource,
): Promise<NotificationRecord[]> {
  const excerpt =
    source.body.length > EXCERPT_LENGTH ? `${source.body.slice(0, EXCERPT_LENGTH - 1)}…` : source.body;
  const created: NotificationRecord[] = [];
  for (const userId of new Set(userIds)) {
    try {
      const notification = await NotificationModel.create({
        userId,
        kind,
        roomId: source.roomId,
        roomTitle: source.roomTitle,
        messageId: source.messageId,
        threadId: source.threadId,
        actorId: source.actorId,
        actorName: source.actorName,
        excerpt,
      });
      created.push(notification.toObject());
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return created;
}
