import { useState } from 'react';

/** Shows a link once in a read-only field with a "Copy link" button; the field is the fallback if copying fails. */
export function CopyLink({
  id,
  label,
  url,
  hint,
}: {
  id: string;
  label: string;
  url: string;
  hint?: string;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      setStatus('failed');
      const field = document.getElementById(id) as HTMLInputElement | null;
      field?.focus();
      field?.select();
    }
  };
  return (
    <div className="form-group copy-link">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        readOnly
        value={url}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={(event) => event.target.select()}
      />
      <p>
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          Copy link
        </button>
        <span role="status" aria-live="polite">
          {status === 'copied' ? 'Link copied.' : null}
          {status === 'failed'
            ? 'Your browser did not let us copy: the link is selected, copy it yourself.'
            : null}
        </span>
      </p>
    </div>
  );
}
