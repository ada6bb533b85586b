import { useState, type FormEvent } from 'react';
import { DIGEST_FREQUENCIES, type DigestFrequency, type MailPreferences } from '@common-ground/shared';
import { updateMailPreferences } from '../api/settings.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';

const DIGEST_CHOICES: Record<DigestFrequency, { label: string; hint: string }> = {
  weekly: { label: 'Weekly', hint: 'On Monday mornings.' },
  daily: { label: 'Daily', hint: 'Each morning, when something is new.' },
  off: { label: 'Never', hint: 'No digest emails.' },
};
const ORDER: DigestFrequency[] = ['weekly', 'daily', 'off'];

/**
 * Which optional emails to get: mention alerts, the digest (weekly, daily or never) and, for organisation admins,
 * join requests. Account emails (password and address changes) always come.
 */
export function MailPreferencesForm({
  initial,
  showJoinRequests,
}: {
  initial: MailPreferences;
  showJoinRequests: boolean;
}) {
  const [preferences, setPreferences] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, failWith, clear } = useFormErrors();
  const change = (update: Partial<MailPreferences>) => {
    setSaved(false);
    setPreferences((current) => ({ ...current, ...update }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setPreferences(await updateMailPreferences(preferences));
      clear();
      setSaved(true);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="email-settings-heading">
      <h2 id="email-settings-heading">Emails we send you</h2>
      <p>Emails about your account, such as password changes, always come. You can choose the rest.</p>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <fieldset className="fieldset" aria-describedby="digest-hint">
        <legend>How often should we email you a digest?</legend>
        <p className="hint" id="digest-hint">
          A digest lists the rooms with something new since you last read them. It never quotes what people
          wrote.
        </p>
        <div className="choices">
          {ORDER.filter((value) => DIGEST_FREQUENCIES.includes(value)).map((value) => (
            <div className="choice" key={value}>
              <input
                type="radio"
                id={`digest-${value}`}
                name="digest"
                value={value}
                checked={preferences.digest === value}
                aria-describedby={`digest-${value}-hint`}
                onChange={() => change({ digest: value })}
              />
              <label htmlFor={`digest-${value}`}>{DIGEST_CHOICES[value].label}</label>
              <p className="hint choice-hint" id={`digest-${value}-hint`}>
                {DIGEST_CHOICES[value].hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Alerts</legend>
        <div className="choices">
          <div className="choice">
            <input
              type="checkbox"
              id="mention-emails"
              checked={preferences.mentionEmails}
              aria-describedby="mention-emails-hint"
              onChange={(event) => change({ mentionEmails: event.target.checked })}
            />
            <label htmlFor="mention-emails">Email me when someone mentions me</label>
            <p className="hint choice-hint" id="mention-emails-hint">
              From a learning set, the email says only where: what was said stays in the set.
            </p>
          </div>
          {showJoinRequests ? (
            <div className="choice">
              <input
                type="checkbox"
                id="join-request-emails"
                checked={preferences.joinRequestEmails}
                onChange={(event) => change({ joinRequestEmails: event.target.checked })}
              />
              <label htmlFor="join-request-emails">Email me when someone asks to join my organisation</label>
            </div>
          ) : null}
        </div>
      </fieldset>
      <div role="status">
        {saved ? (
          <div className="notice">
            <p>Your email settings are saved.</p>
          </div>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={busy}>
        Save email settings
      </button>
    </form>
  );
}
