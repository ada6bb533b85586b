import { useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { NotificationsNavItem } from '../notifications/NotificationsNavItem.tsx';
import { AccountNav } from './AccountNav.tsx';

/** The app frame: skip link, header with navigation, main landmark and footer. */
export function Layout() {
  // On a phone the navigation folds behind a Menu button, so the header stays one line high.
  // It is open for the page it was opened on, so following a link closes it.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
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
          <button
            type="button"
            className="menu-toggle nav-button"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setOpenOn(menuOpen ? null : pathname)}
          >
            Menu
          </button>
          <nav aria-label="Main" id="site-nav" className={menuOpen ? 'site-nav site-nav--open' : 'site-nav'}>
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
      <div className="phase-banner">
        <p className="container">
          <strong className="tag phase-tag">Beta</strong> This is a new service. Tell your community&apos;s
          facilitator what would make it better.
        </p>
      </div>
      <div className="container">
        <main id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="site-footer">
        <div className="container">
          <h2 className="visually-hidden">Support links</h2>
          <ul className="footer-links">
            <li>
              <Link to="/accessibility">Accessibility statement</Link>
            </li>
            <li>
              <Link to="/privacy">Privacy notice</Link>
            </li>
            <li>
              <Link to="/cookies">Cookies</Link>
            </li>
            <li>
              <Link to="/status">Service status</Link>
            </li>
          </ul>
          <p>
            Common Ground is for sharing practice between organisations. Never write anything that could
            identify a child or family.
          </p>
        </div>
      </footer>
    </>
  );
}
