import { lazy } from 'react';
import { ScheduleOutlined } from '@ant-design/icons';
import { SCHOOL_PERMISSIONS } from '@common/school';
import { defineModule } from '../types';

export const schoolModule = defineModule({
  id: 'school',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'school/calendar', component: lazy(() => import('./SchoolCalendarPage')), permission: SCHOOL_PERMISSIONS.manage }],
  menu: [
    { key: 'school-calendar', path: '/school/calendar', labelKey: 'school:menu', icon: ScheduleOutlined, permission: SCHOOL_PERMISSIONS.manage, order: 68 },
  ],
});
