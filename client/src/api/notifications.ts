import { notificationListSchema, unreadCountSchema, type NotificationList } from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

/** The signed-in person's latest notifications and unread count. */
export function fetchNotifications(): Promise<NotificationList> {
  return apiRequest('GET', '/api/notifications', { schema: notificationListSchema });
}

/** Marks some notifications, or all of them, read; returns the new unread count. */
export async function markNotificationsRead(body: { ids: string[] } | { all: true }): Promise<number> {
  return (await apiRequest('POST', '/api/notifications/read', { body, schema: unreadCountSchema }))
    .unreadCount;
}
