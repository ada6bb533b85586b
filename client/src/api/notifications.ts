import { routes, type NotificationList } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** The signed-in person's latest notifications and unread count. */
export function fetchNotifications(): Promise<NotificationList> {
  return api(routes.listNotifications);
}

/** Marks some notifications, or all of them, read; returns the new unread count. */
export async function markNotificationsRead(body: { ids: string[] } | { all: true }): Promise<number> {
  return (await api(routes.markNotificationsRead, { body })).unreadCount;
}
