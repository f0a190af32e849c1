import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDecidedItems } from './api';
import { DecidedProgress } from './labels';

/** The items the user carries, nearest due date first. */
export default function MyDecidedItemsCard() {
  const { t } = useTranslation('meetings');
  const { data, isLoading } = useDecidedItems({ page: 1, pageSize: 5, mine: '1', sort: 'dueDate', order: 'asc' });
  const open = (data?.items ?? []).filter((i) => i.status !== 'done' && i.status !== 'dropped');
  return (
    <Card title={t('home.title')} extra={<Link to="/decided-items">{t('home.all')}</Link>}>
      <List
        loading={isLoading}
        dataSource={open}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.empty')} /> }}
        renderItem={(i) => (
          <List.Item extra={<DecidedProgress status={i.status} progress={i.progress} small />}>
            <List.Item.Meta title={<Link to={`/decided-items/${i.id}`}>{i.title}</Link>} description={i.dueDate} />
          </List.Item>
        )}
      />
    </Card>
  );
}
