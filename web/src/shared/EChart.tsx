/**
 * A minimal ECharts host. Only the chart types registered here are bundled, and only
 * lazily loaded pages import this file, so echarts stays out of the first load.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface Props {
  option: ChartOption;
  height?: number;
  /** A click on a bar, point or slice, e.g. to drill down into the records behind it. */
  onClick?: (params: echarts.ECElementEvent) => void;
  'data-testid'?: string;
}

export function EChart({ option, height = 280, onClick, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a new closure each render does not rebind the chart's events.
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params));
    // Follow the container, not the window: the side menu collapsing changes the width too.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} data-testid={rest['data-testid']} />;
}
