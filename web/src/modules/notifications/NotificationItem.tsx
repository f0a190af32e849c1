import { Badge, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { Notification } from './api';

interface Props {
  item: Notification;
  onOpen: () => void;
  onMarkRead: () => void;
}

export function NotificationItem({ item: n, onOpen, onMarkRead }: Props) {
  const { t } = useTranslation('notifications');
  return (
    <Flex
      gap={8}
      justify="space-between"
      align="start"
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
      data-testid="notification-item"
      data-read={n.readAt ? 'true' : 'false'}
    >
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Flex gap={6} align="center">
          {!n.readAt && <Badge status="processing" aria-label={t('unread')} />}
          {n.link ? (
            <Typography.Link onClick={onOpen} strong={!n.readAt}>
              {n.title}
            </Typography.Link>
          ) : (
            <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
          )}
        </Flex>
        {n.body && (
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {n.body}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(n.createdAt)}
        </Typography.Text>
      </Flex>
      {!n.readAt && (
        <Button type="link" size="small" onClick={onMarkRead} data-testid="notification-mark-read">
          {t('markRead')}
        </Button>
      )}
    </Flex>
  );
}
