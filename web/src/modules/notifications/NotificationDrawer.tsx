import { useState } from 'react';
import { Button, Checkbox, Drawer, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../shared/errors';
import { useIsMobile } from '../../shared/useIsMobile';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from './api';
import { NotificationItem } from './NotificationItem';

interface Props {
  open: boolean;
  onClose: () => void;
}

export default function NotificationDrawer({ open, onClose }: Props) {
  const { t } = useTranslation('notifications');
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const showError = useShowError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, isLoading } = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const onOpenItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: showError });
    if (!n.link) return;
    onClose();
    // In-app paths stay in the app; anything else opens beside it.
    if (n.link.startsWith('/')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener');
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('title')}
      size={isMobile ? '100%' : 400}
      extra={
        <Button
          size="small"
          onClick={() => markAll.mutate(undefined, { onError: showError })}
          loading={markAll.isPending}
          disabled={!data?.unreadCount}
          data-testid="notification-read-all"
        >
          {t('markAllRead')}
        </Button>
      }
    >
      <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} style={{ marginBottom: 12 }}>
        {t('unreadOnly')}
      </Checkbox>
      <Spin spinning={isLoading}>
        {data?.items.length ? (
          <div data-testid="notification-list">
            {data.items.map((n) => (
              <NotificationItem key={n.id} item={n} onOpen={() => onOpenItem(n)} onMarkRead={() => markRead.mutate(n.id, { onError: showError })} />
            ))}
          </div>
        ) : (
          !isLoading && <Empty description={t('empty')} />
        )}
      </Spin>
    </Drawer>
  );
}
