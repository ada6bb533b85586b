import { Link, NavLink, Outlet } from 'react-router';
import { NotificationsNavItem } from '../notifications/NotificationsNavItem.tsx';
import { AccountNav } from './AccountNav.tsx';

/** The app frame: skip link, header with navigation, main landmark and footer. */
export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            Common Ground
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/status">Service status</NavLink>
              </li>
              <NotificationsNavItem />
              <AccountNav />
            </ul>
          </nav>
        </div>
      </header>
      <div className="container">
        <main id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="site-footer">
        <div className="container">
          <p>
            Common Ground is for sharing practice between organisations. Never write anything that could
            identify a child or family.
          </p>
        </div>
      </footer>
    </>
  );
}
