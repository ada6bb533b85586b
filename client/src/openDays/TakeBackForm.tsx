import { useState, type FormEvent } from 'react';
import type { HostedOpenDay, UpdateOpenDayBody } from '@common-ground/shared';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';

const ids = {
  summary: 'take-back-summary',
  recordingUrl: 'take-back-recording',
  'contact.name': 'take-back-contact-name',
  'contact.email': 'take-back-contact-email',
  'contact.role': 'take-back-contact-role',
};

/** The host's part of the take-back pack: a short summary, a recording link, and the named contact. */
export function TakeBackForm({
  openDay,
  save,
}: {
  openDay: HostedOpenDay;
  save(body: UpdateOpenDayBody): Promise<void>;
}) {
  const [summary, setSummary] = useState(openDay.summary);
  const [recordingUrl, setRecordingUrl] = useState(openDay.recordingUrl ?? '');
  const [name, setName] = useState(openDay.contact?.name ?? '');
  const [email, setEmail] = useState(openDay.contact?.email ?? '');
  const [role, setRole] = useState(openDay.contact?.role ?? '');
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (name.trim() && !email.trim()) return fail({ 'contact.email': 'Enter the contact’s email' });
    if (!name.trim() && email.trim()) return fail({ 'contact.name': 'Enter the contact’s name' });
    try {
      await save({
        summary: summary.trim(),
        recordingUrl: recordingUrl.trim() || null,
        contact: name.trim()
          ? { name: name.trim(), email: email.trim(), ...(role.trim() ? { role: role.trim() } : {}) }
          : null,
      });
      clear();
      setSaved(true);
    } catch (error) {
      failWith(error);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="take-back-form-heading">
      <h2 id="take-back-form-heading">Take-back pack</h2>
      <p>Visitors get this after the day, with the answered questions and the pre-read.</p>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.summary}
        label="Summary"
        hint="A few paragraphs a visitor can brief their leaders with."
        multiline
        value={summary}
        onChange={setSummary}
        error={errors.fields.summary}
      />
      <TextField
        id={ids.recordingUrl}
        label="Recording link (optional)"
        hint="Only if everyone recorded consented."
        value={recordingUrl}
        onChange={setRecordingUrl}
        error={errors.fields.recordingUrl}
      />
      <fieldset className="form-group fieldset">
        <legend>Named contact</legend>
        <TextField
          id={ids['contact.name']}
          label="Name"
          value={name}
          onChange={setName}
          error={errors.fields['contact.name']}
        />
        <TextField
          id={ids['contact.email']}
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.fields['contact.email']}
        />
        <TextField
          id={ids['contact.role']}
          label="Role (optional)"
          value={role}
          onChange={setRole}
          error={errors.fields['contact.role']}
        />
      </fieldset>
      <button type="submit" className="button">
        Save the take-back pack
      </button>
      <p role="status">{saved ? 'Saved.' : ''}</p>
    </form>
  );
}
