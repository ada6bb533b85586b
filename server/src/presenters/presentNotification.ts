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
  | 'organisationId'
  | 'organisationName'
  | 'createdAt'
  | 'readAt'
>;

/** Notification model → DTO. */
export function presentNotification(notification: NotificationFields): Notification {
  return {
    id: String(notification._id),
    kind: notification.kind as Notification['kind'],
    roomId: notification.roomId ? String(notification.roomId) : null,
    roomTitle: notification.roomTitle,
    messageId: notification.kind === 'join-request' ? null : String(notification.messageId),
    organisation:
      notification.organisationId && notification.organisationName
        ? { id: String(notification.organisationId), name: notification.organisationName }
        : null,
    threadId: notification.threadId ? String(notification.threadId) : null,
    actor: { id: String(notification.actorId), displayName: notification.actorName },
    excerpt: notification.excerpt,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
  };
}
