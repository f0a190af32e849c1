import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from './api';

/** The committee's to-do on the home page: open cases, and how many are overdue or due soon. */
export default function DeskCard() {
  const { t } = useTranslation('mediation');
  const open = useCases({ page: 1, pageSize: 1, status: 'applied,accepted' });
  const red = useCases({ page: 1, pageSize: 1, light: 'red' });
  const yellow = useCases({ page: 1, pageSize: 1, light: 'yellow' });
  return (
    <Card title={t('home.desk')} extra={<Link to="/mediation">{t('home.all')}</Link>} data-testid="mediation-desk-card">
      <Flex gap={24} wrap>
        <Statistic title={t('home.open')} value={open.data?.total ?? '—'} />
        <Statistic title={t('light.red')} value={red.data?.total ?? '—'} valueStyle={{ color: '#cf1322' }} />
        <Statistic title={t('light.yellow')} value={yellow.data?.total ?? '—'} valueStyle={{ color: '#d48806' }} />
      </Flex>
    </Card>
  );
}
