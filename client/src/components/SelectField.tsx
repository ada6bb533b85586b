import type { ReactNode } from 'react';
import { FormGroup } from './FormGroup.tsx';

/** A labelled select with its hint and inline error wired up by aria-describedby. */
export function SelectField<T extends string>({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: NoInfer<T> | '';
  options: readonly { value: T; label: string }[];
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value as T)}>
          {value === '' ? <option value="">Choose one</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
