import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FORMER_MEMBER_NAME, type DeleteAccountBody } from '@common-ground/shared';
import { deleteMyAccount, myDataUrl } from '../api/privacy.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormErrors } from '../hooks/useFormErrors.ts';
import { useSession } from '../hooks/useSession.ts';

const ids = { messages: 'messages-keep', password: 'delete-password' };

/** "Your data": download everything stored about you, or delete your account (UK GDPR articles 15 and 17). */
export function YourDataPage() {
  const [deleted, setDeleted] = useState(false);
  if (deleted) return <AccountDeleted />;
  return (
    <RequireUser>
      {() => (
        <Page title="Your data">
          <section aria-labelledby="download-heading">
            <h2 id="download-heading">Download your data</h2>
            <p>
              One file with everything Common Ground stores about you: your account, the organisation you work
              for, your communities and learning sets, your messages, your notifications, the document
              versions you named, the ground rules you agreed to, and the security events about your account.
            </p>
            <p>
              <a className="button button-secondary" href={myDataUrl()} download>
                Download my data (.json)
              </a>
            </p>
          </section>
          <DeleteAccountForm onDeleted={() => setDeleted(true)} />
        </Page>
      )}
    </RequireUser>
  );
}

function DeleteAccountForm({ onDeleted }: { onDeleted(): void }) {
  const [messages, setMessages] = useState<DeleteAccountBody['messages']>('keep');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors();
  const { refresh } = useSession();
  const deleteButton = useRef<HTMLButtonElement>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return fail({ password: 'Enter your password' });
    setConfirming(true);
  };
  // The confirmation's buttons vanish when it closes, so focus goes back to the button that opened it.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    deleteButton.current?.focus();
  }, [confirming]);
  const cancel = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const erase = async () => {
    setBusy(true);
    try {
      await deleteMyAccount({ password, messages });
      onDeleted();
      await refresh();
    } catch (error) {
      setConfirming(false);
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={ask} aria-labelledby="delete-heading" className="your-data__delete">
      <h2 id="delete-heading">Delete your account</h2>
      <p>This cannot be undone. When you delete your account:</p>
      <ul>
        <li>you are signed out everywhere, and you can no longer sign in;</li>
        <li>your name, email address and organisation are deleted;</li>
        <li>
          your name is removed from documents’ version history and from who is looking at a document; the
          facilitators of your communities can see that a member deleted their account.
        </li>
      </ul>
      <ErrorSummary errors={errors} fieldIds={ids} />
      <fieldset className="fieldset">
        <legend>Your messages</legend>
        <div className="radios">
          <div className="radios__item">
            <input
              id={ids.messages}
              type="radio"
              name="messages"
              value="keep"
              checked={messages === 'keep'}
              onChange={() => setMessages('keep')}
            />
            <label htmlFor={ids.messages}>
              Keep them, shown as “{FORMER_MEMBER_NAME}”, so conversations still make sense
            </label>
          </div>
          <div className="radios__item">
            <input
              id="messages-remove"
              type="radio"
              name="messages"
              value="remove"
              checked={messages === 'remove'}
              onChange={() => setMessages('remove')}
            />
            <label htmlFor="messages-remove">Remove what they say as well</label>
          </div>
        </div>
      </fieldset>
      <TextField
        id={ids.password}
        label="Your password"
        hint="To check it is you."
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      {confirming ? (
        <ConfirmDeletion busy={busy} onConfirm={() => void erase()} onCancel={cancel} />
      ) : (
        <button type="submit" className="button button-warning" ref={deleteButton}>
          Delete my account
        </button>
      )}
    </form>
  );
}

function ConfirmDeletion({
  busy,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  return (
    <div
      className="notice your-data__confirm"
      role="group"
      aria-labelledby="confirm-delete-question"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <p id="confirm-delete-question">
        <strong>Are you sure? Your account will be deleted for good.</strong>
      </p>
      <div className="confirm">
        <button
          type="button"
          className="button button-warning"
          ref={confirmButton}
          disabled={busy}
          onClick={onConfirm}
        >
          Yes, delete my account
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function AccountDeleted() {
  return (
    <Page title="Your account has been deleted">
      <div className="notice" role="status">
        <p>Your account has been deleted and you have been signed out.</p>
      </div>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
