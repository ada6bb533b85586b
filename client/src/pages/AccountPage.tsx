import { useCallback } from 'react';
import { Link } from 'react-router';
import type { User } from '@common-ground/shared';
import { getSettings } from '../api/settings.ts';
import { ChangeEmailForm } from '../components/ChangeEmailForm.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { DisplayNameForm } from '../components/DisplayNameForm.tsx';
import { MailPreferencesForm } from '../components/MailPreferencesForm.tsx';
import { EmailVerificationNotice } from '../components/EmailVerificationNotice.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { YourOrganisations } from '../components/YourOrganisations.tsx';
import { useApiData } from '../hooks/useApiData.ts';

/** The signed-in person's profile and settings: name, email, password, emails we send, organisations, their data. */
export function AccountPage() {
  return <RequireUser>{(user) => <AccountSettings user={user} />}</RequireUser>;
}

function AccountSettings({ user }: { user: User }) {
  const load = useCallback(() => getSettings(), []);
  const settings = useApiData(load);
  return (
    <Page title="Your account" caption={user.displayName}>
      <nav aria-labelledby="account-contents" className="contents-list">
        <h2 id="account-contents" className="contents-heading">
          On this page
        </h2>
        <ul>
          <li>
            <a href="#display-name-heading">Your name</a>
          </li>
          <li>
            <a href="#change-email-heading">Email address</a>
          </li>
          <li>
            <a href="#change-password-heading">Password</a>
          </li>
          <li>
            <a href="#email-settings-heading">Emails we send you</a>
          </li>
          <li>
            <a href="#organisations-heading">Your organisations</a>
          </li>
          <li>
            <a href="#your-data-heading">Your data</a>
          </li>
        </ul>
      </nav>
      {user.emailVerified ? null : <EmailVerificationNotice email={user.email} />}
      <DisplayNameForm current={user.displayName} />
      <ChangeEmailForm currentEmail={user.email} />
      <ChangePasswordForm />
      {settings.error ? (
        <p className="error-message" role="alert">
          Your email settings and organisations could not be loaded: {settings.error.message}
        </p>
      ) : null}
      {settings.data ? (
        <>
          <MailPreferencesForm
            initial={settings.data.preferences}
            showJoinRequests={settings.data.organisations.some((entry) => entry.isAdmin)}
          />
          <YourOrganisations
            userId={user.id}
            organisations={settings.data.organisations}
            onChanged={settings.reload}
          />
        </>
      ) : settings.error ? null : (
        <p role="status">Loading your email settings…</p>
      )}
      <section aria-labelledby="your-data-heading">
        <h2 id="your-data-heading">Your data</h2>
        <p>
          <Link to="/account/data">Download your data or delete your account</Link>
        </p>
      </section>
    </Page>
  );
}
