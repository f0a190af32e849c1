/**
 * The dashboard's charts. Every bar and point stands for a Figure, and a click opens the
 * appeals behind it (the figure's drill-down). Lazily loaded: ECharts is heavy.
 */
import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import { useDeptLabel } from './useDeptLabel';
import type { Dashboard, Figure } from './api';
import { useAppealLabel } from './labels';

interface Props {
  data: Dashboard;
  onDrill: (drill: Record<string, string>) => void;
}

/** Tooltips are HTML; names come from users (org names), so they are escaped. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** A partial month's point: hollow and faint. */
const partialPoint = (partial: boolean, value: number | null) => (partial ? { value, symbol: 'emptyCircle', itemStyle: { opacity: 0.45 } } : value);

type Tip = { dataIndex: number; seriesName: string; value: unknown; marker?: string }[];

export default function DashboardCharts({ data, onDrill }: Props) {
  const { t } = useTranslation('appeals');
  const label = useAppealLabel();

  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      // A month not over is labelled 本月至今 and drawn faint, so its low rates do not read as a drop.
      xAxis: { type: 'category', data: data.byMonth.map((m) => (m.partial ? t('dashboard.partialMonth', { month: m.month }) : m.month)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('dashboard.submitted'), data: data.byMonth.map((m) => partialPoint(m.partial, m.submitted.value)), barMaxWidth: 28 },
        {
          type: 'line',
          name: t('dashboard.closureRate'),
          yAxisIndex: 1,
          data: data.byMonth.map((m) => partialPoint(m.partial, pct(m.closureRate.value))),
          connectNulls: true,
        },
        {
          type: 'line',
          name: t('dashboard.satisfactionRate'),
          yAxisIndex: 1,
          data: data.byMonth.map((m) => partialPoint(m.partial, pct(m.satisfactionRate.value))),
          connectNulls: true,
        },
      ],
    }),
    [data, t],
  );

  const categories = useMemo(() => [...data.byCategory].reverse(), [data]);
  const byCategory = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const row = categories[(p as Tip)[0].dataIndex];
          const rate = (f: Figure) => (f.value === null ? '—' : `${pct(f.value)}%`);
          return `${esc(label('category', row.category))}<br/>${t('dashboard.submitted')}：${row.submitted.value}<br/>${t('dashboard.closureRate')}：${rate(row.closureRate)}<br/>${t('dashboard.satisfactionRate')}：${rate(row.satisfactionRate)}`;
        },
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories.map((c) => label('category', c.category)) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.submitted'),
          data: categories.map((c) => c.submitted.value),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [categories, label, t],
  );

  const deptName = useDeptLabel();
  const departments = useMemo(() => data.byDepartment.slice(0, 12).reverse(), [data]);
  const byDepartment = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const row = departments[(p as Tip)[0].dataIndex];
          const rate = (f: Figure) => (f.value === null ? '—' : `${pct(f.value)}%`);
          return `${esc(deptName(row.department))}<br/>${t('dashboard.assignedCount')}：${row.assigned.value}<br/>${t('dashboard.onTimeRate')}：${rate(row.onTimeClosureRate)}<br/>${t('dashboard.satisfactionRate')}：${rate(row.satisfactionRate)}`;
        },
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: departments.map((d) => deptName(d.department)) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.assignedCount'),
          data: departments.map((d) => d.assigned.value),
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [departments, deptName, t],
  );

  const trendFigure = (series: number, index: number): Figure | undefined => {
    const m = data.byMonth[index];
    if (!m) return undefined;
    return [m.submitted, m.closureRate, m.satisfactionRate][series];
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small" title={t('dashboard.trend')}>
          <EChart
            option={trend}
            height={300}
            data-testid="appeals-chart-trend"
            onClick={(p) => {
              const f = trendFigure(p.seriesIndex ?? 0, p.dataIndex);
              if (f) onDrill(f.drill.numerator);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.byCategory')}>
          <EChart
            option={byCategory}
            height={320}
            data-testid="appeals-chart-category"
            onClick={(p) => {
              const row = categories[p.dataIndex];
              if (row) onDrill(row.submitted.drill.numerator);
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('dashboard.byDepartment')}>
          {departments.length ? (
            <EChart
              option={byDepartment}
              height={320}
              data-testid="appeals-chart-department"
              onClick={(p) => {
                const row = departments[p.dataIndex];
                if (row) onDrill(row.assigned.drill.numerator);
              }}
            />
          ) : (
            <Empty description={t('dashboard.empty')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
