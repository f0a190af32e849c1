import { lazy } from 'react';
import { defineModule } from '../types';

export const notificationsModule = defineModule({
  id: 'notifications',
  messages: () => import('./messages').then((m) => m.messages),
  // Lazy: the bell (antd Badge and the notice list query) stays out of the entry chunk.
  headerWidgets: [lazy(() => import('./NotificationBell').then((m) => ({ default: m.NotificationBell })))],
  homeCards: [{ key: 'notifications-unread', component: lazy(() => import('./UnreadCard')), order: 30 }],
});
