import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountLinks } from '../../shared/CountLinks';
import { monthDay } from '../../shared/dateFormat';
import { useAppeals } from './api';
import { LightTag } from './labels';

/**
 * The handler's department's work: how many are due soon or overdue, then the nearest
 * deadlines first with their lights.
 */
export default function AssignedCard() {
  const { t } = useTranslation('appeals');
  const yellow = useAppeals({ page: 1, pageSize: 1, light: 'yellow' });
  const red = useAppeals({ page: 1, pageSize: 1, light: 'red' });
  const open = useAppeals({ page: 1, pageSize: 5, status: 'assigned,handling', sort: 'dueDate', order: 'asc' });
  return (
    <Card
      title={t('list.assignedTitle')}
      extra={
        <Link to="/appeals/assigned" data-testid="home-assigned-all">
          {t('home.all')}
        </Link>
      }
    >
      <CountLinks
        testId="home-assigned-counts"
        items={[
          { key: 'assigned-open', label: t('home.open'), count: open.data?.total, to: '/appeals/assigned?status=assigned%2Chandling' },
          { key: 'assigned-yellow', label: t('home.yellow'), count: yellow.data?.total, to: '/appeals/assigned?light=yellow', tone: 'warning' },
          { key: 'assigned-red', label: t('home.red'), count: red.data?.total, to: '/appeals/assigned?light=red', tone: 'danger' },
        ]}
      />
      <List
        style={{ marginTop: 12 }}
        loading={open.isLoading}
        dataSource={open.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.nothingAssigned')} /> }}
        renderItem={(a) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/appeals/${a.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis={{ tooltip: a.title }}>{a.title}</Typography.Text>
              </Link>
              <Flex gap={4} align="center" style={{ flex: 'none' }}>
                {a.deadline && <Typography.Text type="secondary">{monthDay(a.deadline)}</Typography.Text>}
                <LightTag light={a.light} />
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
