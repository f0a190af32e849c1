import { lazy, Suspense } from 'react';
import { Card, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

// ECharts is the heaviest library we ship: the card's title paints before it arrives.
const CategoryChart = lazy(() => import('./CategoryChart'));

export default function PeopleChartCard() {
  const { t } = useTranslation('dashboard');
  return (
    <Card title={t('chartTitle')}>
      <Suspense fallback={<Spin />}>
        <CategoryChart />
      </Suspense>
    </Card>
  );
}
