import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { shanghaiToday } from '../../shared/time';
import { useClassWeeks } from '../../shared/school/api';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { currentWeek } from '../../shared/school/weeks';

/**
 * Class and week of the class views, kept in the address (?class=…&week=…) so going back
 * from a student's page returns to the same list, and a link can be shared.
 */
export function useClassRoute() {
  const [params, setParams] = useSearchParams();
  const { options, loading, me } = useClassOptions({ oversee: true });
  const classId = params.get('class') ?? options.find((o) => o.teaches)?.id ?? options[0]?.id;
  const weeks = useClassWeeks(classId);
  const today = useMemo(() => shanghaiToday().format('YYYY-MM-DD'), []);
  const current = weeks.data ? currentWeek(weeks.data.items, today) : undefined;
  const week = params.get('week') ?? current;
  // Weeks that have begun: the future cannot be written yet.
  const begun = useMemo(
    () => (weeks.data?.items ?? []).filter((w) => w.schoolDays.some((d) => d <= today) || w.week === current),
    [weeks.data, today, current],
  );

  const set = (patch: { class?: string; week?: string }) => {
    const next = new URLSearchParams(params);
    if (patch.class) {
      next.set('class', patch.class);
      next.delete('week');
    }
    if (patch.week) next.set('week', patch.week);
    setParams(next, { replace: true });
  };

  return { classId, week, current, weeks: weeks.data?.items, begun, term: weeks.data?.term, weeksLoading: weeks.isLoading, options, loading, me, set };
}
