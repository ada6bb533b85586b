import { Link } from 'react-router';
import { confirmEmailChange } from '../api/account.ts';
import { EmailLinkPage } from '../components/EmailLinkPage.tsx';

/** The page the link sent to a new email address opens: one button confirms the change. */
export function ConfirmEmailPage() {
  return (
    <EmailLinkPage
      title="Confirm your new email address"
      intro="Your Common Ground account will use the address this link was sent to."
      buttonLabel="Confirm email address"
      act={confirmEmailChange}
      doneTitle="Your email address has changed"
      done={(address) => (
        <>
          <p>
            Sign in with <strong>{address}</strong> from now on.
          </p>
          <p>
            <Link to="/">Go to Common Ground</Link>
          </p>
        </>
      )}
      retryLabel="Go to your account to ask again"
    />
  );
}
