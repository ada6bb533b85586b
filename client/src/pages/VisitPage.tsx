import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/apiClient.ts';
import { startVisit } from '../api/visits.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useSession } from '../hooks/useSession.ts';
import { useMountedRef } from '../hooks/useMountedRef.ts';

const ids = { displayName: 'visit-name' };

/** The visitor-pass link: explains open days, asks for a display name, then opens the room read-only. */
export function VisitPage() {
  const { token = '' } = useParams();
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ApiError | null>(null);
  const { errors, fail, failWith } = useFormErrors();
  const { visiting } = useSession();
  const navigate = useNavigate();
  const mounted = useMountedRef();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) return fail({ displayName: 'Enter the name others will see' });
    setBusy(true);
    try {
      const visit = await startVisit(token, displayName);
      visiting(visit);
      if (mounted.current) navigate(`/rooms/${visit.room.id}`);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 410 || error.status === 404)) setRefused(error);
      else if (error instanceof ApiError && error.status === 400 && error.fieldErrors().token)
        setRefused(new ApiError('not_found', 'This visitor pass link is not valid.', 404));
      else failWith(error);
      setBusy(false);
    }
  };

  if (refused) {
    return (
      <Page
        title={refused.status === 410 ? 'This visitor pass has ended' : 'This visitor pass link is not valid'}
      >
        <p>{refused.message}</p>
        <p>
          {refused.status === 410
            ? 'Passes stop working when they expire or when the organisers withdraw them. Ask the organisers for a new link.'
            : 'Check that you copied the whole link, or ask the organisers to send it again.'}
        </p>
      </Page>
    );
  }

  return (
    <Page title="Join the open day" caption="Visitor pass">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <p className="lead">
        On an open day, an organisation shows how its innovation works in practice: you watch its learning set
        or partnership live and read the evidence and discussion as it happens.
      </p>
      <p>
        You do not need an account. You will be watching <strong>read-only</strong>: you can read everything
        in this one room but not write in it. Your visit ends when you leave or when the pass expires.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={ids.displayName}
          label="Your display name"
          hint="The name others will see, for example “Sam, Kent social work team”. Do not use a child's name."
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
          error={errors.fields.displayName}
        />
        <button type="submit" className="button" disabled={busy}>
          Join as a visitor
        </button>
      </form>
    </Page>
  );
}
