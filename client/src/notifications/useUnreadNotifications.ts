import { useEffect, useState } from 'react';
import { SOCKET_EVENTS } from '@common-ground/shared';
import { fetchNotifications } from '../api/notifications.ts';
import { getSocket } from '../realtime/socket.ts';

/** Broadcast inside the page when notifications are read, so the badge follows the notifications page. */
export const NOTIFICATIONS_READ_EVENT = 'cg:notifications-read';

/** The signed-in person's unread notification count, kept live over the shared socket. */
export function useUnreadNotifications(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () =>
      fetchNotifications().then(
        (list) => !cancelled && setCount(list.unreadCount),
        () => undefined,
      );
    void load();
    const socket = getSocket();
    const onNew = () => setCount((value) => value + 1);
    socket.on(SOCKET_EVENTS.notificationNew, onNew);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, load);
    return () => {
      cancelled = true;
      socket.off(SOCKET_EVENTS.notificationNew, onNew);
      window.removeEventListener(NOTIFICATIONS_READ_EVENT, load);
    };
  }, [enabled]);
  return enabled ? count : 0;
}
