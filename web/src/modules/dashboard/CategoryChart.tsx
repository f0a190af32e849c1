import { useMemo } from 'react';
import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import { useEnumLabel } from '../../shared/enumOptions';
import { useAuth } from '../../shared/auth/AuthContext';
import { usePeopleStats } from './api';

export default function CategoryChart() {
  const { t } = useTranslation('dashboard');
  const { can } = useAuth();
  const label = useEnumLabel();
  const allowed = can('people.read');
  const { data, isLoading, isError } = usePeopleStats(allowed);

  const option = useMemo<ChartOption | null>(() => {
    const rows = data?.byCategory.filter((r) => r.count > 0) ?? [];
    if (!rows.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => label('employmentCategory', r.category)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('people'), data: rows.map((r) => r.count), barMaxWidth: 40 }],
    } as ChartOption;
  }, [data, label, t]);

  if (allowed && isLoading) return <Spin />;
  if (!option || isError) return <Empty description={t('chartEmpty')} data-testid="people-stats-empty" />;
  return <EChart option={option} height={260} data-testid="people-stats-chart" />;
}
