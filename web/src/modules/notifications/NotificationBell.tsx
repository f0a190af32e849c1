import { lazy, Suspense, useState } from 'react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNotifications } from './api';

// The bell is on every page; the list only matters once someone opens it.
const NotificationDrawer = lazy(() => import('./NotificationDrawer'));

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so the drawer keeps its closing animation afterwards.
  const [opened, setOpened] = useState(false);
  // The bell's count always comes from the full list; the drawer may filter its own view.
  const { data } = useNotifications(false);
  const count = data?.unreadCount ?? 0;

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
          aria-label={t('bell', { count })}
          data-testid="notification-bell"
        />
      </Badge>
      {opened && (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
