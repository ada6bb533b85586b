import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled text input (or textarea) with its hint and inline error wired up by aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  multiline = false,
  type = 'text',
  ...rest
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  type?: 'text' | 'email' | 'password' | 'search' | 'datetime-local';
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'name' | 'spellCheck' | 'min' | 'max'>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    className: error ? 'input-error' : undefined,
  };
  return (
    <div className={error ? 'form-group form-group-error' : 'form-group'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} name={rest.name} rows={5} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} {...rest} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}
