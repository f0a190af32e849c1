/**
 * The report's charts rendered on the server: ECharts' server-side SVG renderer draws the
 * dashboard's comparison chart (common/workReportChart) with no DOM and no canvas.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { SnapshotFigure } from '../../../common/schemas/workReport.js';
import { CHART_WIDTH, chartHeight, chartedFigures, comparisonOption } from '../../../common/workReportChart.js';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** A practice's comparison chart as SVG, with its size in pixels; null when it has nothing to chart. */
export function sectionChart(figures: readonly SnapshotFigure[]): { svg: string; width: number; height: number } | null {
  const compared = figures.map((f) => ({ label: f.label, unit: f.unit, current: f.value, previous: f.previous.value }));
  const n = chartedFigures(compared).length;
  if (!n) return null;
  const height = chartHeight(n);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption(comparisonOption(compared));
    return { svg: chart.renderToSVGString(), width: CHART_WIDTH, height };
  } finally {
    chart.dispose();
  }
}
