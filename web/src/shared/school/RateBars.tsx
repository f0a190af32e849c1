/**
 * Bars of rates (0–100 %) by grade or by class, as both school dashboards draw them (心桥
 * coverage, reply and read rates; ten-minute session coverage). A missing rate is a gap,
 * never a zero.
 */
import { useMemo } from 'react';
import { useIsMobile } from '../../shared/useIsMobile';
import { compactGrid, percentAxis, SchoolChart, type SchoolChartOption } from './Chart';
import { pctValue } from './weeks';

export interface RateSeries {
  name: string;
  rates: readonly (number | null | undefined)[];
}

interface Props {
  /** One bar group per category (grade or class names). */
  categories: readonly string[];
  series: readonly RateSeries[];
  /** Many long labels (one per class): slanted, every one shown. */
  manyCategories?: boolean;
  /** The percentage on top of each bar (few bars only). */
  valueLabels?: boolean;
  height?: number;
  testId?: string;
}

export function RateBars({ categories, series, manyCategories = false, valueLabels = false, height, testId }: Props) {
  const isMobile = useIsMobile();
  const option = useMemo<SchoolChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v ?? '—')}%` },
      ...(series.length > 1 ? { legend: { top: 0 } } : {}),
      grid: series.length > 1 ? compactGrid : { ...compactGrid, top: 16, bottom: manyCategories && isMobile ? 48 : 8 },
      xAxis: { type: 'category', data: [...categories], ...(manyCategories ? { axisLabel: { rotate: isMobile ? 60 : 30, interval: 0 } } : {}) },
      yAxis: percentAxis,
      series: series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        data: s.rates.map(pctValue),
        barMaxWidth: manyCategories ? 24 : series.length > 1 ? 32 : 40,
        ...(valueLabels ? { label: { show: true, position: 'top' as const, formatter: '{c}%' } } : {}),
      })),
    }),
    [categories, series, manyCategories, valueLabels, isMobile],
  );
  return <SchoolChart option={option} height={height ?? (manyCategories && isMobile ? 300 : 260)} data-testid={testId} />;
}
