import { Page } from '../../components/Page.tsx';
import { SESSION_COOKIE } from '@common-ground/shared';

/** The cookies page: the one cookie Common Ground sets, and what it keeps in the browser besides. */
export function CookiesPage() {
  return (
    <Page title="Cookies">
      <p className="lead">
        Common Ground uses one cookie, which is essential: it keeps you signed in. We do not use analytics or
        advertising cookies, so we do not ask for your consent.
      </p>
      <h2>Essential cookie</h2>
      <div className="table-scroll">
        <table className="stacked-table">
          <caption className="visually-hidden">Cookies set by Common Ground</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Purpose</th>
              <th scope="col">Expires</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-label="Name">
                <code>{SESSION_COOKIE}</code>
              </td>
              <td data-label="Purpose">
                Keeps you signed in, or keeps an open-day visit going. It holds a random token and nothing
                about you.
              </td>
              <td data-label="Expires">
                When you sign out or leave, by default after 8 hours unused or at most 7 days (a visit: when
                its pass ends)
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>What is kept in your browser</h2>
      <ul>
        <li>
          When you can edit a shared document, a copy of it is kept in your browser&apos;s storage, so that
          changes you make offline are not lost. Signing out deletes these copies. Watchers and open-day
          visitors keep no copy.
        </li>
        <li>
          During an open-day visit, the tab remembers which open day you are watching, so it can tell you when
          the visit has ended. This goes when you close the tab.
        </li>
      </ul>
    </Page>
  );
}
