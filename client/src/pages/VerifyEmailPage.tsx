import { Link } from 'react-router';
import { verifyEmail } from '../api/identity.ts';
import { EmailLinkPage } from '../components/EmailLinkPage.tsx';

/** The page the link sent at sign-up opens: one button verifies the address (a button, so link scanners cannot). */
export function VerifyEmailPage() {
  return (
    <EmailLinkPage
      title="Verify your email address"
      intro="This shows that the email address on your Common Ground account is yours."
      buttonLabel="Verify email address"
      act={verifyEmail}
      doneTitle="Your email address is verified"
      done={(address) => (
        <>
          <p>
            Thank you. <strong>{address}</strong> is verified. If your organisation lists your email domain,
            you have asked to join it and its admins will confirm you.
          </p>
          <p>
            <Link to="/organisation">See your organisation</Link>
          </p>
        </>
      )}
      retryLabel="Go to your account to ask for a new link"
    />
  );
}
