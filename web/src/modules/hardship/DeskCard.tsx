import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHouseholds } from './api';

/** The officers' home card: files on record, applications to handle, and those on public notice. */
export default function DeskCard() {
  const { t } = useTranslation('hardship');
  const filed = useHouseholds({ page: 1, pageSize: 1, status: 'filed' });
  const pending = useHouseholds({ page: 1, pageSize: 1, status: 'applied,verified' });
  const notice = useHouseholds({ page: 1, pageSize: 1, status: 'notice' });
  return (
    <Card title={t('home.desk')} extra={<Link to="/hardship">{t('home.all')}</Link>} data-testid="hardship-desk-card">
      <Flex gap={24} wrap>
        <Statistic title={t('home.filed')} value={filed.data ? `${filed.data.total}${filed.data.totalCapped ? '+' : ''}` : '—'} />
        <Statistic title={t('home.pending')} value={pending.data ? `${pending.data.total}${pending.data.totalCapped ? '+' : ''}` : '—'} />
        <Statistic title={t('home.notice')} value={notice.data ? `${notice.data.total}${notice.data.totalCapped ? '+' : ''}` : '—'} />
      </Flex>
    </Card>
  );
}
