import { useState, type FormEvent } from 'react';
import type { Community } from '@common-ground/shared';
import { createCommunity } from '../api/communities.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

const ids = { name: 'community-name', purpose: 'community-purpose' };

/** Creates a community of practice (name and purpose); its creator becomes its facilitator. */
export function CreateCommunityForm({ onCreated }: { onCreated(community: Community): void }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter a name for the community';
    if (!purpose.trim()) problems.purpose = 'Say what the community is for';
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      onCreated(await createCommunity({ name, purpose }));
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="create-community-heading">
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.name}
        label="Community name"
        hint="For example “Family group conferencing: spreading the Leeds model”."
        value={name}
        onChange={setName}
        error={errors.fields.name}
      />
      <TextField
        id={ids.purpose}
        label="Purpose"
        hint="The change you want to see and the core features of the innovation, so members share one clear vision."
        multiline
        value={purpose}
        onChange={setPurpose}
        error={errors.fields.purpose}
      />
      <button type="submit" className="button" disabled={busy}>
        Create community
      </button>
    </form>
  );
}
