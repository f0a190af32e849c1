import { lazy } from 'react';
import { TableOutlined } from '@ant-design/icons';
import { TIMETABLE_PERMISSIONS as P } from '@common/timetable';
import { defineModule } from '../types';

export const timetableModule = defineModule({
  id: 'timetable',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'timetable', component: lazy(() => import('./TimetablePage')), permission: P.manage }],
  menu: [{ key: 'timetable', path: '/timetable', labelKey: 'timetable:menu', icon: TableOutlined, permission: P.manage, order: 67.5 }],
});
