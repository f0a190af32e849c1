/**
 * The comparison chart of one practice — each figure this period against the previous one —
 * as ECharts options. One builder for both places it appears: the dashboard draws it in the
 * browser, the .docx renders it on the server to SVG, so the report shows what the screen does.
 * Rates are charted when the practice has any (how well), else its counts (what was done):
 * one unit per chart, so no bar is read on another's scale.
 */
import type { FigureUnit } from './figure.js';

export interface ComparedFigure {
  label: { zh: string; en: string };
  unit: FigureUnit;
  current: number | null;
  previous: number | null;
}

/** Pixels a chart takes: one band per figure plus axis and legend. */
export const chartHeight = (figures: number) => 70 + 36 * figures;
export const CHART_WIDTH = 640;

/** The figures the chart of a practice shows: its rates, else its counts; none when it has neither. */
export function chartedFigures<F extends { unit: FigureUnit }>(figures: readonly F[]): F[] {
  const rates = figures.filter((f) => f.unit === 'rate');
  return rates.length ? rates : figures.filter((f) => f.unit === 'count');
}

const shown = (f: ComparedFigure, v: number | null) => (v === null ? null : f.unit === 'rate' ? Math.round(v * 1000) / 10 : v);

/** Horizontal bars, 本期 over 上期 for each figure (rates in %); `en` for the English screen. */
export function comparisonOption(figures: readonly ComparedFigure[], en = false) {
  const list = chartedFigures(figures);
  const rate = list[0]?.unit === 'rate';
  const label = { show: true, position: 'right' as const, formatter: rate ? '{c}%' : '{c}', fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: 'sans-serif' },
    legend: { top: 0, data: en ? ['This period', 'Previous'] : ['本期', '上期'] },
    grid: { left: 8, right: 48, top: 30, bottom: 8 },
    xAxis: { type: 'value' as const, max: rate ? 100 : undefined, axisLabel: { formatter: rate ? '{value}%' : '{value}' } },
    // Reversed so the first figure reads at the top, as in the table beneath.
    yAxis: { type: 'category' as const, inverse: true, data: list.map((f) => (en ? f.label.en : f.label.zh)) },
    series: [
      { name: en ? 'This period' : '本期', type: 'bar' as const, data: list.map((f) => shown(f, f.current)), label, itemStyle: { color: '#1d5fbf' } },
      { name: en ? 'Previous' : '上期', type: 'bar' as const, data: list.map((f) => shown(f, f.previous)), label, itemStyle: { color: '#9db4d6' } },
    ],
  };
}
