import { useCallback, useState } from 'react';
import { ApiError } from '../api/apiClient.ts';

/** Field errors keyed by field name, plus an optional message not tied to one field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
  /** Grows with every failed submit, so the error summary takes focus each time. */
  attempt: number;
}

const capitalise = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Holds a form's errors from client-side checks and from the server's `validation_failed` answers. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null, attempt: 0 });

  const fail = useCallback((fields: Record<string, string>, general: string | null = null) => {
    const readable = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, capitalise(v)]));
    setErrors((previous) => ({ fields: readable, general, attempt: previous.attempt + 1 }));
  }, []);

  const failWith = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const fields = error.fieldErrors();
        fail(fields, Object.keys(fields).length ? null : error.message);
      } else {
        fail({}, 'Something went wrong. Try again.');
      }
    },
    [fail],
  );

  const clear = useCallback(() => setErrors((previous) => ({ ...previous, fields: {}, general: null })), []);

  return { errors, fail, failWith, clear };
}
