import { useState, type FormEvent } from 'react';
import type { RegisterForOpenDayBody } from '@common-ground/shared';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { FormGroup } from '../components/FormGroup.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { optional } from './openDayDraft.ts';

const ids = {
  displayName: 'register-name',
  email: 'register-email',
  organisationId: 'register-organisation',
  organisationName: 'register-organisation-name',
  role: 'register-role',
  context: 'register-context',
  wantToFindOut: 'register-find-out',
  adjustments: 'register-adjustments',
};
/** The select's value for "my organisation is not in the list". */
const TYPED = 'typed';

/**
 * Registration by work email: name, email, organisation (picked from the verified list, or typed and marked
 * unverified), role and three optional questions. The pass only ever arrives by email.
 */
export function RegistrationForm({
  organisations,
  register,
}: {
  organisations: { id: string; name: string }[];
  register(body: RegisterForOpenDayBody): Promise<void>;
}) {
  const [fields, setFields] = useState({
    displayName: '',
    email: '',
    organisationId: '',
    organisationName: '',
    role: '',
    context: '',
    wantToFindOut: '',
    adjustments: '',
  });
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();
  const field = (key: keyof typeof fields) => ({
    id: ids[key],
    value: fields[key],
    onChange: (value: string) => setFields((previous) => ({ ...previous, [key]: value })),
    error: errors.fields[key],
  });
  const typed = fields.organisationId === TYPED;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!fields.displayName.trim()) problems.displayName = 'Enter your name';
    if (!/^\S+@\S+\.\S+$/.test(fields.email.trim())) problems.email = 'Enter your work email address';
    if (!fields.organisationId) problems.organisationId = 'Choose your organisation';
    else if (typed && !fields.organisationName.trim())
      problems.organisationName = 'Type your organisation’s name';
    if (!fields.role.trim()) problems.role = 'Enter your role';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      await register({
        displayName: fields.displayName.trim(),
        email: fields.email.trim(),
        ...(typed
          ? { organisationName: fields.organisationName.trim() }
          : { organisationId: fields.organisationId }),
        role: fields.role.trim(),
        context: optional(fields.context),
        wantToFindOut: optional(fields.wantToFindOut),
        adjustments: optional(fields.adjustments),
      });
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="register-heading">
      <h2 id="register-heading">Register</h2>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField {...field('displayName')} label="Your name" autoComplete="name" />
      <TextField
        {...field('email')}
        label="Work email address"
        hint="We send your pass here. Use your work address so your organisation can be recognised."
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <FormGroup
        id={ids.organisationId}
        label="Your organisation"
        hint="Choose it from the list of verified organisations. If it is not there, choose “Not in the list” and type it."
        error={errors.fields.organisationId}
      >
        {(control) => (
          <select
            {...control}
            value={fields.organisationId}
            onChange={(event) =>
              setFields((previous) => ({ ...previous, organisationId: event.target.value }))
            }
          >
            <option value="">Choose one</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
            <option value={TYPED}>Not in the list</option>
          </select>
        )}
      </FormGroup>
      {typed ? (
        <TextField
          {...field('organisationName')}
          label="Your organisation’s name"
          hint="It will be shown as unverified."
          autoComplete="organization"
        />
      ) : null}
      <TextField
        {...field('role')}
        label="Your role"
        hint="For example “Head of Service”."
        autoComplete="organization-title"
      />
      <TextField
        {...field('context')}
        label="Your context (optional)"
        hint="Your service and area, so the host knows who is coming. Do not name or describe a child or family."
        multiline
      />
      <TextField {...field('wantToFindOut')} label="What do you want to find out? (optional)" multiline />
      <TextField
        {...field('adjustments')}
        label="Adjustments you need (optional)"
        hint="For example a hearing loop, step-free access or breaks."
        multiline
      />
      <button type="submit" className="button" disabled={busy}>
        Register
      </button>
    </form>
  );
}
