import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { weekEnd, weekStart } from '@common/school';
import type { SchoolWeekInfo } from './api';
import { shortDate, weekNumber } from './weeks';

/** Labels a week with its number in the term when known, and always with its dates. */
export function useWeekLabel(weeks: readonly SchoolWeekInfo[] | undefined) {
  const { t } = useTranslation('school');
  return useCallback(
    (week: string) => {
      const n = weeks ? weekNumber(weeks, week) : undefined;
      const range = `${shortDate(weekStart(week))}–${shortDate(weekEnd(week))}`;
      return n ? t('weekLabel', { n, range }) : t('weekRange', { range });
    },
    [weeks, t],
  );
}
