import { Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/time';
import { useNotifications } from './api';

/** The latest unread notices, each leading where it points. */
export default function UnreadCard() {
  const { t } = useTranslation('notifications');
  const { data, isLoading } = useNotifications(true);
  const items = (data?.items ?? []).slice(0, 5);
  return (
    <Card title={t('home.title', { count: data?.unreadCount ?? 0 })}>
      <List
        loading={isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.empty')} /> }}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={n.link?.startsWith('/') ? <Link to={n.link}>{n.title}</Link> : n.title}
              description={<Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
