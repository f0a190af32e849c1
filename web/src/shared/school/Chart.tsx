/**
 * The shared ECharts host draws bars and pies; the school dashboards also need lines
 * (weekly trends). Registering the line chart here keeps it in the lazily loaded school
 * pages only. Import this file from pages, never from index.ts.
 */
import * as echarts from 'echarts/core';
import { LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  MarkLineComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { EChart, type ChartOption } from '../../shared/EChart';

echarts.use([LineChart, MarkLineComponent]);

export type SchoolChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

interface Props {
  option: SchoolChartOption;
  height?: number;
  'data-testid'?: string;
}

export function SchoolChart({ option, ...rest }: Props) {
  // The shared host hands the option to setOption unchanged; line series are registered above.
  return <EChart option={option as ChartOption} {...rest} />;
}

/** Common frame for the small school charts: percentages on a 0–100 axis. */
export const percentAxis = { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
export const compactGrid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
