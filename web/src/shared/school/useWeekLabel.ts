import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { weekLabel } from '../../shared/dateFormat';
import type { SchoolWeekInfo } from './api';
import { weekNumber } from './weeks';

/** Labels a week with its number in the term when known, and always with its dates. */
export function useWeekLabel(weeks: readonly SchoolWeekInfo[] | undefined) {
  // The language is a dependency: the label is rebuilt in the new language on a switch.
  const { i18n } = useTranslation();
  return useCallback((week: string) => weekLabel(week, weeks ? weekNumber(weeks, week) : undefined), [weeks, i18n.language]);
}
