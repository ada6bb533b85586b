import { useState, type FormEvent } from 'react';
import { LIMITS } from '@common-ground/shared';
import { changePassword } from '../api/account.ts';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './TextField.tsx';

const ids = { currentPassword: 'current-password', newPassword: 'new-password' };

/** Changes the signed-in person's password; their other sessions are signed out. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = 'Enter your current password';
    if (newPassword.length < LIMITS.passwordMinLength)
      problems.newPassword = `Enter a new password of at least ${LIMITS.passwordMinLength} characters`;
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      await changePassword({ currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      clear();
      setChanged(true);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading">Change your password</h2>
      {changed ? (
        <div className="notice" role="status">
          <p>Your password has been changed. You have been signed out on your other devices.</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={ids} />
      <TextField
        id={ids.currentPassword}
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.fields.currentPassword}
      />
      <TextField
        id={ids.newPassword}
        label="New password"
        hint={`At least ${LIMITS.passwordMinLength} characters. This signs you out on your other devices.`}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
        error={errors.fields.newPassword}
      />
      <button type="submit" className="button" disabled={busy}>
        Change password
      </button>
    </form>
  );
}
