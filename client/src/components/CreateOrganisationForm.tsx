import { useState, type FormEvent } from 'react';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '@common-ground/shared';
import { createOrganisation } from '../api/organisations.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ids = { name: 'organisation-name', kind: 'organisation-kind', region: 'organisation-region' };
const kindOptions = ORGANISATION_KINDS.map((kind) => ({
  value: kind,
  label: ORGANISATION_KIND_LABELS[kind],
}));

/** Creates an organisation (name, kind, region); its creator becomes its first admin. */
export function CreateOrganisationForm({ onCreated }: { onCreated(): Promise<void> | void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [region, setRegion] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter the name of your organisation';
    if (!kind) problems.kind = 'Choose the kind of organisation';
    if (Object.keys(problems).length || !kind) return fail(problems);
    setBusy(true);
    try {
      await createOrganisation({ name, kind, ...(region.trim() ? { region } : {}) });
      await onCreated();
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="create-organisation-heading">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.name}
        label="Organisation name"
        hint="The full name, for example “Leeds City Council Children and Families Services”."
        value={name}
        onChange={setName}
        error={errors.fields.name}
      />
      <SelectField
        id={ids.kind}
        label="Kind of organisation"
        value={kind}
        options={kindOptions}
        onChange={setKind}
        error={errors.fields.kind}
      />
      <TextField
        id={ids.region}
        label="Region (optional)"
        hint="For example “Yorkshire and the Humber”."
        value={region}
        onChange={setRegion}
        error={errors.fields.region}
      />
      <button type="submit" className="button" disabled={busy}>
        Create organisation
      </button>
    </form>
  );
}
