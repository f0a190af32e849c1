/**
 * problem+json field errors for the light forms: `errors[].field` ("body.title") onto the
 * form's own field names, the same mapping the antd forms get from shared/errors.ts.
 */
import { useCallback, useState } from 'react';
import { fieldPath, isApiError } from '../../api/problem';

export type FieldErrors = Partial<Record<string, string>>;

export function problemFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(err)) return out;
  for (const e of err.problem.errors ?? []) {
    const name = fieldPath(e.field).join('.');
    out[name] = out[name] ? `${out[name]}；${e.message}` : e.message;
  }
  return out;
}

/** The form's errors by field: set from the client's own checks or from the server's answer. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const clear = useCallback((name: string) => setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e)), []);
  return { errors, setErrors, clear };
}
