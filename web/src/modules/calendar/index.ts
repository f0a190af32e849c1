import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

// The working-day calendar drives the union's and the school's deadlines; it is a tool of
// people who work in the organisation (org.read), not of workers, families or students.
const STAFF = 'org.read';

export const calendarModule = defineModule({
  id: 'calendar',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'calendar', component: lazy(() => import('./CalendarPage')), permission: STAFF }],
  homeCards: [{ key: 'calendar-warning', component: lazy(() => import('./WarningCard')), roles: ['sysAdmin'], order: 20 }],
  menu: [{ key: 'calendar', path: '/calendar', labelKey: 'calendar:menu', icon: CalendarOutlined, permission: STAFF, order: 50 }],
});
