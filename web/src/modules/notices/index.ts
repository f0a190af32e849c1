import { lazy } from 'react';
import { NotificationOutlined } from '@ant-design/icons';
import { NOTICE_PERMISSIONS as P } from '@common/notices';
import { defineModule } from '../types';

export const noticesModule = defineModule({
  id: 'notices',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'notices', component: lazy(() => import('./NoticesPage')), permission: P.read },
    { path: 'notices/new', component: lazy(() => import('./PublishPage')), permission: P.publish },
    { path: 'notices/:id', component: lazy(() => import('./NoticePage')), permission: P.read },
  ],
  menu: [{ key: 'notices', path: '/notices', labelKey: 'notices:menu.list', icon: NotificationOutlined, permission: P.read, order: 55 }],
  homeCards: [
    {
      key: 'notices-unread',
      component: lazy(() => import('./UnreadCard')),
      roles: ['worker', 'representative', 'handler', 'mediator'],
      permission: P.read,
      order: 26,
    },
  ],
});
