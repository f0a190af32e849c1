import { lazy } from 'react';
import { defineModule } from '../types';
import { messages } from './messages';
import { NotificationBell } from './NotificationBell';

export const notificationsModule = defineModule({
  id: 'notifications',
  messages,
  headerWidgets: [NotificationBell],
  homeCards: [{ key: 'notifications-unread', component: lazy(() => import('./UnreadCard')), order: 30 }],
});
