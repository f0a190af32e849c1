import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { defineModule } from '../types';
import { messages } from './messages';

export const calendarModule = defineModule({
  id: 'calendar',
  messages,
  routes: [{ path: 'calendar', component: lazy(() => import('./CalendarPage')) }],
  menu: [{ key: 'calendar', path: '/calendar', labelKey: 'calendar:menu', icon: CalendarOutlined, order: 50 }],
});
