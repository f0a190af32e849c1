import { Badge, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import { useNotices } from './api';

/** On a reader's home page: the notices addressed to them that they have not opened yet, newest first. */
export default function UnreadCard() {
  const { t } = useTranslation('notices');
  const { data, isLoading } = useNotices({ page: 1, pageSize: 5, unread: '1' });
  const total = data?.total ?? 0;
  return (
    <Card
      title={
        <>
          {t('home.title')} <Badge count={total} overflowCount={99} style={{ marginInlineStart: 4 }} data-testid="notices-unread-count" />
        </>
      }
      extra={<Link to="/notices">{t('home.all')}</Link>}
      data-testid="notices-unread"
    >
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} /> }}
        renderItem={(n) => (
          <List.Item>
            <div style={{ minWidth: 0, width: '100%' }}>
              <Link to={`/notices/${n.id}`}>
                <Typography.Text ellipsis>{n.title}</Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{`${n.orgName} · ${formatDateTime(n.publishedAt)}`}</Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
