import type { Notification } from '@common-ground/shared';
import type { NotificationRecord } from '../models/Notification.ts';

type NotificationFields = Pick<
  NotificationRecord,
  | '_id'
  | 'kind'
  | 'roomId'
  | 'roomTitle'
  | 'messageId'
  | 'threadId'
  | 'actorId'
  | 'actorName'
  | 'excerpt'
  | 'createdAt'
  | 'readAt'
>;

/** Notification model → DTO. */
export function presentNotification(notification: NotificationFields): Notification {
  return {
    id: String(notification._id),
    kind: notification.kind as Notification['kind'],
    roomId: String(notification.roomId),
    roomTitle: notification.roomTitle,
    messageId: String(notification.messageId),
    threadId: notification.threadId ? String(notification.threadId) : null,
    actor: { id: String(notification.actorId), displayName: notification.actorName },
    excerpt: notification.excerpt,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
  };
}
