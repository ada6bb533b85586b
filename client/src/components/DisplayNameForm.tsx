import { useState, type FormEvent } from 'react';
import { updateDisplayName } from '../api/settings.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useSession } from '../hooks/useSession.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

const ids = { displayName: 'display-name' };

/** Changes the name others see; messages already posted keep the name they were posted under. */
export function DisplayNameForm({ current }: { current: string }) {
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState(current);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!displayName.trim()) return fail({ displayName: 'Enter the name people will see' });
    setBusy(true);
    try {
      const user = await updateDisplayName(displayName);
      clear();
      setDisplayName(user.displayName);
      setSaved(user.displayName);
      await refresh();
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="display-name-heading">
      <h2 id="display-name-heading">Your name</h2>
      {saved ? (
        <div className="notice" role="status">
          <p>
            People now see you as <strong>{saved}</strong>.
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.displayName}
        label="Display name"
        hint="Shown beside what you write and in lists of people. Messages you already sent keep the old name."
        autoComplete="name"
        value={displayName}
        onChange={setDisplayName}
        error={errors.fields.displayName}
      />
      <button type="submit" className="button" disabled={busy}>
        Save name
      </button>
    </form>
  );
}
