import { useState, type FormEvent } from 'react';
import {
  COMMUNITY_ROLES,
  mayGrantRole,
  type CommunityRole,
  type Invitation,
  type Role,
} from '@common-ground/shared';
import { createInvitation } from '../api/invitations.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { CopyLink } from './CopyLink.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { ROLE_HINTS, ROLE_LABELS } from './roleLabels.ts';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';

const ids = { email: 'invite-email', role: 'invite-role' };

/** Invites someone by email with a role, then shows the invitation link once with a copy button. */
export function InviteForm({
  communityId,
  callerRole,
  onInvited,
}: {
  communityId: string;
  callerRole: Role | null;
  onInvited(): void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CommunityRole>('member');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Invitation | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors();
  // Only roles the caller may grant (the server asks the same mayGrantRole).
  const roles = COMMUNITY_ROLES.filter((r) => mayGrantRole(callerRole, r));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      return fail({
        email: email.trim() ? 'Enter a valid email address' : 'Enter the email address to invite',
      });
    setBusy(true);
    try {
      setCreated(await createInvitation(communityId, { email, role }));
      setEmail('');
      clear();
      onInvited();
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
          <h3>Invitation ready for {created.email}</h3>
          <p>
            {created.emailed
              ? 'We have emailed them this link. You can also share it yourself.'
              : 'Send this link to them yourself.'}{' '}
            It works once, for that email address only, and is shown only now.
          </p>
          <CopyLink id="invitation-link" label="Invitation link" url={created.url} />
        </div>
      ) : null}
      <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="invite-heading">
        <ErrorSummary errors={errors} fieldIds={ids} />
        <TextField
          id={ids.email}
          label="Email address"
          hint="The address they will sign in with."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <SelectField
          id={ids.role}
          label="Role"
          hint={ROLE_HINTS[role]}
          value={role}
          options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={setRole}
          error={errors.fields.role}
        />
        <button type="submit" className="button" disabled={busy}>
          Create invitation
        </button>
      </form>
    </>
  );
}
