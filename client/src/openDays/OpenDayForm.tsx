import { useState, type FormEvent } from 'react';
import type { Innovation, InnovationContext, Room } from '@common-ground/shared';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { FormGroup } from '../components/FormGroup.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { CONTEXT_LABELS } from '../innovations/innovationDraft.ts';
import { OPEN_DAY_FIELD_IDS as ids, openDayDraftProblems, type OpenDayDraft } from './openDayDraft.ts';

/**
 * The host's form for an open day: what, when, where, how many, what to read first, which innovation it shows, who
 * is the safeguarding lead, and what it took. Used to schedule one and to change one.
 */
export function OpenDayForm({
  initial,
  rooms,
  innovations,
  submitLabel,
  save,
}: {
  initial: OpenDayDraft;
  /** The community's rooms, whose learning documents may be pre-read. */
  rooms: Room[];
  innovations: Innovation[];
  submitLabel: string;
  save(draft: OpenDayDraft): Promise<void>;
}) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();
  const change = (changes: Partial<OpenDayDraft>) => setDraft((previous) => ({ ...previous, ...changes }));
  const text = (key: keyof typeof ids & keyof OpenDayDraft) => ({
    id: ids[key]!,
    value: draft[key] as string,
    onChange: (value: string) => change({ [key]: value }),
    error: errors.fields[key],
  });
  const toggleDocument = (documentId: string, on: boolean) =>
    change({
      preReadDocumentIds: on
        ? [...draft.preReadDocumentIds, documentId]
        : draft.preReadDocumentIds.filter((id) => id !== documentId),
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = openDayDraftProblems(draft);
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      await save(draft);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label="Open day">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField {...text('title')} label="Title" hint="For example “Pause drop-in: open morning”." />
      <TextField
        {...text('description')}
        label="Description"
        hint="What visitors will see and who it is for."
        multiline
      />
      <TextField {...text('startsAt')} label="Starts at" type="datetime-local" hint="In your time zone." />
      <TextField {...text('endsAt')} label="Ends at" type="datetime-local" />
      <FormGroup
        id={ids.capacity!}
        label="Places"
        hint="How many visitors can come. Others join a waiting list."
        error={errors.fields.capacity}
      >
        {(control) => (
          <input
            {...control}
            className={['input-number', control.className].filter(Boolean).join(' ')}
            type="number"
            inputMode="numeric"
            min={1}
            value={draft.capacity}
            onChange={(event) => change({ capacity: event.target.value })}
          />
        )}
      </FormGroup>
      <TextField
        {...text('venue')}
        label="Venue (optional)"
        hint="The address, if people come in person."
        multiline
      />
      <TextField
        {...text('accessInformation')}
        label="Access information (optional)"
        hint="Step-free access, hearing loop, quiet room, parking, the nearest station."
        multiline
      />
      <TextField
        {...text('onlineJoinUrl')}
        label="Online joining link (optional)"
        hint="Sent only to people with a place, in their pass."
      />

      <fieldset className="form-group fieldset">
        <legend>Pre-read documents (optional)</legend>
        <p className="hint">Visitors can read these before the day, in the browser or as a PDF.</p>
        {rooms.length === 0 ? <p>This community has no documents yet.</p> : null}
        {rooms.map((room) => (
          <div className="checkbox" key={room.documentId}>
            <input
              id={`pre-read-${room.documentId}`}
              type="checkbox"
              checked={draft.preReadDocumentIds.includes(room.documentId)}
              onChange={(event) => toggleDocument(room.documentId, event.target.checked)}
            />
            <label htmlFor={`pre-read-${room.documentId}`}>{room.title}: learning document</label>
          </div>
        ))}
      </fieldset>

      <FormGroup
        id="open-day-innovation"
        label="Innovation it shows (optional)"
        hint="Its profile goes into the pre-read."
        error={errors.fields.innovationId}
      >
        {(control) => (
          <select
            {...control}
            value={draft.innovationId}
            onChange={(event) => change({ innovationId: event.target.value })}
          >
            <option value="">None</option>
            {innovations.map((innovation) => (
              <option key={innovation.id} value={innovation.id}>
                {innovation.name}
              </option>
            ))}
          </select>
        )}
      </FormGroup>

      <fieldset className="form-group fieldset">
        <legend>Safeguarding lead for the day</legend>
        <p className="hint">Visitors are told who to speak to if they are worried about a child.</p>
        <TextField {...leadField('leadName')} label="Name" />
        <TextField {...leadField('leadEmail')} label="Email" type="email" />
        <TextField {...leadField('leadPhone')} label="Phone (optional)" />
      </fieldset>

      <fieldset className="form-group fieldset">
        <legend>What it took</legend>
        <p className="hint">So visitors can compare your place with theirs before they come.</p>
        {(Object.keys(CONTEXT_LABELS) as (keyof InnovationContext)[]).map((key) => (
          <TextField
            key={key}
            id={`open-day-took-${key}`}
            label={CONTEXT_LABELS[key].label}
            hint={CONTEXT_LABELS[key].hint}
            multiline
            value={draft.whatItTook[key]}
            onChange={(value) => change({ whatItTook: { ...draft.whatItTook, [key]: value } })}
            error={errors.fields[`whatItTook.${key}`]}
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );

  function leadField(key: 'leadName' | 'leadEmail' | 'leadPhone') {
    const field = { leadName: 'name', leadEmail: 'email', leadPhone: 'phone' }[key];
    const name = `safeguardingLead.${field}`;
    return {
      id: ids[name]!,
      value: draft[key],
      onChange: (value: string) => change({ [key]: value }),
      error: errors.fields[name],
    };
  }
}
