import { useState, type FormEvent } from 'react';
import type { VisitorPass } from '@common-ground/shared';
import { createVisitorPass } from '../api/visits.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { CopyLink } from './CopyLink.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

const ids = { label: 'pass-label', expiresAt: 'pass-expires' };

/** The value of a datetime-local input for 23:59 today, in the browser's own time zone. */
function endOfToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T23:59`;
}

/** Creates an open-day visitor pass (label and expiry) and shows its link once with a copy button. */
export function VisitorPassForm({ roomId, onCreated }: { roomId: string; onCreated(): void }) {
  const [label, setLabel] = useState('');
  const [expiresAt, setExpiresAt] = useState(endOfToday);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<VisitorPass | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!label.trim()) problems.label = 'Enter a label, such as the event or group it is for';
    const expiry = new Date(expiresAt);
    if (!expiresAt || Number.isNaN(expiry.getTime()))
      problems.expiresAt = 'Enter when the pass stops working';
    else if (expiry.getTime() <= Date.now()) problems.expiresAt = 'Choose a time in the future';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      setCreated(await createVisitorPass(roomId, { label, expiresAt: expiry.toISOString() }));
      setLabel('');
      clear();
      onCreated();
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {created?.url ? (
        <div className="notice" role="status">
          <h3>Pass ready: {created.label}</h3>
          <p>
            Share this link with your visitors. It is shown only now; anyone with it can watch until it
            expires.
          </p>
          <CopyLink id="pass-link" label="Visitor pass link" url={created.url} />
        </div>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="new-pass-heading">
        <h3 id="new-pass-heading">Create a visitor pass</h3>
        <ErrorSummary errors={errors} fieldIds={ids} />
        <TextField
          id={ids.label}
          label="Label"
          hint="Who or what the pass is for, for example “Open day 12 March: Kent and Medway visitors”."
          value={label}
          onChange={setLabel}
          error={errors.fields.label}
        />
        <TextField
          id={ids.expiresAt}
          label="Stops working at"
          hint="Date and time in your time zone. At most 31 days from now."
          type="datetime-local"
          value={expiresAt}
          onChange={setExpiresAt}
          error={errors.fields.expiresAt}
        />
        <button type="submit" className="button" disabled={busy}>
          Create pass
        </button>
      </form>
    </>
  );
}
