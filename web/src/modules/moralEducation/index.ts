import { lazy } from 'react';
import { BookOutlined, CalendarOutlined, ClockCircleOutlined, PieChartOutlined, ScheduleOutlined } from '@ant-design/icons';
import { MORAL_EDUCATION_PERMISSIONS as P } from '@common/moralEducation';
import { defineModule } from '../types';

export const moralEducationModule = defineModule({
  id: 'moralEducation',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'moral-education/today', component: lazy(() => import('./TodayPage')), permission: P.record },
    { path: 'moral-education/class', component: lazy(() => import('./ClassPage')), permission: P.read },
    { path: 'moral-education/overview', component: lazy(() => import('./OverviewPage')), permission: P.oversee },
    { path: 'moral-education/class-days', component: lazy(() => import('./ClassDaysPage')), permission: P.oversee },
    { path: 'moral-education/plan', component: lazy(() => import('./PlanPage')), permission: P.plan },
    { path: 'moral-education/my-class', component: lazy(() => import('./MyClassPage')), permission: P.readOwnClass },
  ],
  homeCards: [
    { key: 'moralEducation-today', component: lazy(() => import('./TodayCard')), roles: ['headTeacher', 'subjectTeacher'], permission: P.read, order: 10 },
    {
      key: 'moralEducation-school',
      component: lazy(() => import('./SchoolTodayCard')),
      roles: ['principal', 'academicOffice'],
      permission: P.oversee,
      order: 20,
    },
    { key: 'moralEducation-myClass', component: lazy(() => import('./MyClassCard')), roles: ['student'], permission: P.readOwnClass, order: 20 },
  ],
  menu: [
    { key: 'moral-today', path: '/moral-education/today', labelKey: 'moralEducation:menuToday', icon: ClockCircleOutlined, permission: P.record, order: 64 },
    { key: 'moral-class', path: '/moral-education/class', labelKey: 'moralEducation:menuClass', icon: BookOutlined, permission: P.read, order: 65 },
    {
      key: 'moral-overview',
      path: '/moral-education/overview',
      labelKey: 'moralEducation:menuOverview',
      icon: PieChartOutlined,
      permission: P.oversee,
      order: 66,
    },
    { key: 'moral-plan', path: '/moral-education/plan', labelKey: 'moralEducation:menuPlan', icon: CalendarOutlined, permission: P.plan, order: 67 },
    {
      key: 'moral-my-class',
      path: '/moral-education/my-class',
      labelKey: 'moralEducation:menuMyClass',
      icon: ScheduleOutlined,
      permission: P.readOwnClass,
      order: 68,
    },
  ],
});
