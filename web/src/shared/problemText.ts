/** A server problem as one line for the user: `detail || title`; no antd, so the light pages use it too. */
import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';

export function errorText(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    if (err.code === 'network') return t('common:error.network');
    return err.problem.detail || err.problem.title;
  }
  return t('common:error.unknown');
}
