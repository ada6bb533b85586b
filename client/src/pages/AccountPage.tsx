import { ChangeEmailForm } from '../components/ChangeEmailForm.tsx';
import { ChangePasswordForm } from '../components/ChangePasswordForm.tsx';
import { EmailVerificationNotice } from '../components/EmailVerificationNotice.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';

/** The signed-in person's account settings: password and email address. */
export function AccountPage() {
  return (
    <RequireUser>
      {(user) => (
        <Page title="Your account" caption={user.displayName}>
          {user.emailVerified ? null : <EmailVerificationNotice email={user.email} />}
          <ChangePasswordForm />
          <ChangeEmailForm currentEmail={user.email} />
        </Page>
      )}
    </RequireUser>
  );
}
