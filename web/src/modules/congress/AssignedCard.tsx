import { Card, Empty, List } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAssigned } from './api';

/** Home card of a department handler: the congress proposals waiting for the department's answer, the nearest deadline first. */
export default function AssignedCard() {
  const { t } = useTranslation('congress');
  const list = useAssigned({ page: 1, pageSize: 5, status: 'assigned', sort: 'submittedAt', order: 'asc' });
  return (
    <Card title={t('assigned.menu')} size="small" loading={list.isLoading} extra={<Link to="/congress/assigned">{list.data?.total ?? 0}</Link>}>
      {list.data?.items.length ? (
        <List
          dataSource={list.data.items}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Link key="go" to={`/congress/proposals/${p.id}`}>
                  {t('assigned.answerNow')}
                </Link>,
              ]}
            >
              <List.Item.Meta title={p.title} description={`${t('assigned.due')} ${p.answerDueDate ?? ''}`} />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assigned.none')} />
      )}
    </Card>
  );
}
