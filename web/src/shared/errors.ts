/**
 * Showing server problems: `detail || title` as a message, and `errors[].field` onto the
 * form fields they name.
 */
import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldPath, isApiError } from '../api/problem';
import { errorText } from './problemText';

// Kept here too: the antd pages import it from this file.
export { errorText };

/** Puts each field error under its form item; returns whether any field was marked. */
export function applyFieldErrors(form: FormInstance, err: unknown): boolean {
  if (!isApiError(err) || !err.problem.errors?.length) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.problem.errors) {
    const name = fieldPath(e.field);
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return true;
}

export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback((err: unknown) => void message.error(errorText(err, t)), [message, t]);
}

/** For form submits: mark the fields, and still say what went wrong overall. */
export function useFormErrorHandler(form: FormInstance): (err: unknown) => void {
  const showError = useShowError();
  return useCallback(
    (err: unknown) => {
      applyFieldErrors(form, err);
      showError(err);
    },
    [form, showError],
  );
}
