import { useCallback, useRef, useState } from 'react';
import type { Notification } from '@common-ground/shared';
import { Link } from 'react-router';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { useApiData } from '../hooks/useApiData.ts';
import { fetchNotifications, markNotificationsRead } from '../api/notifications.ts';
import { NOTIFICATIONS_READ_EVENT } from '../notifications/useUnreadNotifications.ts';
import { formatDateTime } from '../components/formatDateTime.ts';
import { MessageBody } from '../discussion/MessageBody.tsx';
import { messagePath } from '../discussion/permalinks.ts';
import '../discussion/discussion.css';

/** Where a notification leads: the message itself for a mention or an answer, otherwise its room. */
function notificationPath(notification: Notification): string {
  const { kind, messageId, roomId } = notification;
  if ((kind === 'mention' || kind === 'answer') && roomId && messageId)
    return messagePath({ id: messageId, roomId });
  return notification.roomId ? `/rooms/${notification.roomId}` : '/notifications';
}

const KIND_TEXT: Record<Notification['kind'], string> = {
  mention: 'mentioned you',
  answer: 'replied to your question',
  'join-request': 'asked to join',
  'partnership-check-in': 'asks for a check-in',
  'partnership-still-quiet': 'says a partnership is still quiet',
  'partnership-recontract': 'asks both sides to re-contract',
};

/** The signed-in person's notifications: mentions and replies to their questions, newest first. */
export function NotificationsPage() {
  return <RequireUser>{() => <Notifications />}</RequireUser>;
}

function Notifications() {
  const load = useCallback(() => fetchNotifications(), []);
  const { data, error, reload } = useApiData(load);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The Mark all as read button goes once nothing is unread, so the news takes focus instead.
  const status = useRef<HTMLDivElement>(null);
  const markAll = async () => {
    try {
      await markNotificationsRead({ all: true });
      setProblem(null);
      setDone('All your notifications are marked as read.');
      status.current?.focus();
      window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
      reload();
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : 'Could not mark them read.');
    }
  };
  if (error) return <LoadProblem error={error} what="Notifications" />;
  return (
    <Page title="Notifications">
      <div role="status" aria-live="polite" tabIndex={-1} ref={status} className="focus-target">
        {done ? <p className="notice">{done}</p> : null}
      </div>
      {!data ? (
        <p role="status">Loading…</p>
      ) : data.notifications.length === 0 ? (
        <p>
          You have no notifications yet. You will see here when someone mentions you or replies to your
          question.
        </p>
      ) : (
        <>
          <p>
            {data.unreadCount} unread.{' '}
            {data.unreadCount ? (
              <button type="button" className="button button-secondary" onClick={() => void markAll()}>
                Mark all as read
              </button>
            ) : null}
          </p>
          {problem ? (
            <p className="error-message" role="alert">
              {problem}
            </p>
          ) : null}
          <ul className="thread-list" data-testid="notification-list">
            {data.notifications.map((notification) => (
              <li key={notification.id} className="thread-item">
                {notification.readAt ? null : <span className="tag">New</span>}{' '}
                <strong>{notification.actor.displayName}</strong> {KIND_TEXT[notification.kind]}{' '}
                {notification.organisation ? (
                  <Link to="/organisation">{notification.organisation.name}</Link>
                ) : (
                  <>
                    in{' '}
                    <Link to={notificationPath(notification)}>
                      {notification.roomTitle}
                      {notification.kind === 'mention' || notification.kind === 'answer' ? (
                        <span className="visually-hidden">, open the message</span>
                      ) : null}
                    </Link>
                  </>
                )}
                {notification.excerpt ? (
                  <blockquote className="notification-excerpt">
                    <MessageBody body={notification.excerpt} />
                  </blockquote>
                ) : null}
                <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
