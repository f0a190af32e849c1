import { lazy } from 'react';
import { EditOutlined, HeatMapOutlined } from '@ant-design/icons';
import { LESSON_LOG_PERMISSIONS as P } from '@common/lessonLogs';
import { defineModule } from '../types';

export const lessonLogsModule = defineModule({
  id: 'lessonLogs',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'lessons', component: lazy(() => import('./MyWeekPage')), permission: P.log },
    { path: 'lessons/log', component: lazy(() => import('./LogPage')), permission: P.log },
    { path: 'lesson-logs', component: lazy(() => import('./OfficePage')), permission: P.oversee },
  ],
  homeCards: [
    { key: 'lessons-today', component: lazy(() => import('./TodayCard')), roles: ['headTeacher', 'subjectTeacher'], permission: P.log, order: 15 },
    { key: 'lessons-week', component: lazy(() => import('./WeekComplianceCard')), roles: ['principal', 'academicOffice'], permission: P.oversee, order: 15 },
  ],
  menu: [
    { key: 'lessons-mine', path: '/lessons', labelKey: 'lessonLogs:menuMine', icon: EditOutlined, permission: P.log, order: 68 },
    { key: 'lessons-office', path: '/lesson-logs', labelKey: 'lessonLogs:menuOffice', icon: HeatMapOutlined, permission: P.oversee, order: 69 },
  ],
});
