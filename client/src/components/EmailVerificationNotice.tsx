import { useState } from 'react';
import { ApiError } from '../api/apiClient.ts';
import { resendEmailVerification } from '../api/identity.ts';

/** Says the address is not verified yet, and sends a new link on request. */
export function EmailVerificationNotice({ email }: { email: string }) {
  const [news, setNews] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await resendEmailVerification();
      setNews(`We have sent a new link to ${email}.`);
    } catch (error) {
      setNews(error instanceof ApiError ? error.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="notice" aria-labelledby="verify-email-heading">
      <h2 id="verify-email-heading">Verify your email address</h2>
      <p>
        We sent a link to {email} when you signed up. Until you use it you can use Common Ground as usual, but
        you do not join your organisation automatically by its email domain.
      </p>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void send()}>
        Send a new link
      </button>
      <p role="status" aria-live="polite">
        {news}
      </p>
    </section>
  );
}
