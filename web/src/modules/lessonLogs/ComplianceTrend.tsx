import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { TENS } from '@common/lessonLogs';
import { weekStart } from '@common/school';
import type { ComplianceRow } from '@common/schemas/lessonLogs';
import { monthDay } from '../../shared/dateFormat';
import { compactGrid, percentAxis, SchoolChart, type SchoolChartOption } from '../../shared/school/Chart';
import { pctValue } from '../../shared/school/weeks';

const rate = (n: number, of: number) => pctValue(of ? n / of : undefined);

/** Week by week: lessons logged, 35+10 met and each of the six tens met, one axis in percent. */
export function ComplianceTrend({ weeks }: { weeks: ComplianceRow[] }) {
  const { t } = useTranslation('lessonLogs');
  const option = useMemo<SchoolChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0, type: 'scroll' },
      grid: { ...compactGrid, top: 48 },
      xAxis: { type: 'category', data: weeks.map((w) => monthDay(weekStart(w.key))) },
      yAxis: percentAxis,
      series: [
        { type: 'line', name: t('office.logged'), data: weeks.map((w) => rate(w.logged, w.timetabled)), connectNulls: true },
        { type: 'line', name: t('office.standard'), data: weeks.map((w) => rate(w.standardMet, w.logged)), connectNulls: true },
        ...TENS.map((k) => ({
          type: 'line' as const,
          name: t(`tens.${k}`),
          data: weeks.map((w) => rate(w.tens[k], w.logged)),
          connectNulls: true,
          lineStyle: { width: 1 },
        })),
      ],
    }),
    [weeks, t],
  );
  if (!weeks.length) return <Empty description={t('office.none')} />;
  return <SchoolChart option={option} height={320} data-testid="lessons-trend" />;
}
