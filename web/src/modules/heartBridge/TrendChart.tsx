import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { exactRate } from '@common/figure';
import { compactGrid, percentAxis, SchoolChart, type SchoolChartOption } from '../../shared/school/Chart';
import { monthDay } from '../../shared/dateFormat';
import { pctValue } from '../../shared/school/weeks';
import { weekStart } from '@common/school';
import type { ClassDash } from './api';

/** Coverage, reply and read rate per week of the term: three lines, one axis in percent. */
export function TrendChart({ trend, testId }: { trend: ClassDash['trend']; testId?: string }) {
  const { t } = useTranslation('heartBridge');
  const option = useMemo<SchoolChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: compactGrid,
      xAxis: { type: 'category', data: trend.map((w) => monthDay(weekStart(w.week))) },
      yAxis: percentAxis,
      series: [
        { type: 'line', name: t('dash.coverage'), data: trend.map((w) => pctValue(exactRate(w.coverage))), smooth: true, connectNulls: true },
        { type: 'line', name: t('dash.replyRate'), data: trend.map((w) => pctValue(exactRate(w.replyRate))), smooth: true, connectNulls: true },
        { type: 'line', name: t('dash.readRate'), data: trend.map((w) => pctValue(exactRate(w.readRate))), smooth: true, connectNulls: true },
      ],
    }),
    [trend, t],
  );
  if (!trend.length) return <Empty description={t('dash.noData')} />;
  return <SchoolChart option={option} height={280} data-testid={testId} />;
}
