import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormGroup } from './FormGroup.tsx';

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
  type?: 'text' | 'email' | 'password' | 'search' | 'datetime-local' | 'date';
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'name' | 'spellCheck' | 'min' | 'max'>) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={value}
            name={rest.name}
            rows={5}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            {...rest}
            value={value}
            type={type}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormGroup>
  );
}
