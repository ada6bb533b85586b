import { NavLink } from 'react-router';
import { useSession } from '../hooks/useSession.ts';
import { useUnreadNotifications } from './useUnreadNotifications.ts';

/** The header link to the notifications page with an unread badge; only for signed-in people. */
export function NotificationsNavItem() {
  const { session } = useSession();
  const signedIn = session.status === 'user';
  const unread = useUnreadNotifications(signedIn);
  if (!signedIn) return null;
  return (
    <li>
      <NavLink to="/notifications">
        Notifications
        {unread ? (
          <span className="nav-badge" data-testid="notification-badge">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        ) : null}
      </NavLink>
    </li>
  );
}
