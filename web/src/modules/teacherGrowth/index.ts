import { lazy } from 'react';
import { RiseOutlined } from '@ant-design/icons';
import { TEACHER_GROWTH_PERMISSIONS as P } from '@common/teacherGrowth';
import { defineModule } from '../types';

/**
 * 梯队培养 Tiered teacher growth: a teacher's own three-year plan on the phone, the mentor's
 * review of their mentees' plans, and the office's tier dashboard, promotions and activities.
 * The server decides who reaches a plan (404 otherwise) and which step each may take (`can`).
 */
export const teacherGrowthModule = defineModule({
  id: 'teacherGrowth',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'teacher-growth', component: lazy(() => import('./MyGrowthPage')), permission: P.own },
    { path: 'teacher-growth/plans/:id', component: lazy(() => import('./PlanPage')) },
    { path: 'teacher-growth/office', component: lazy(() => import('./OfficePage')), permission: P.oversee },
  ],
  homeCards: [
    { key: 'teacher-growth-mine', component: lazy(() => import('./MyPlanCard')), roles: ['headTeacher', 'subjectTeacher'], permission: P.own, order: 40 },
    { key: 'teacher-growth-office', component: lazy(() => import('./OfficeCard')), roles: ['principal', 'academicOffice'], permission: P.oversee, order: 40 },
  ],
  menu: [
    { key: 'teacher-growth-mine', path: '/teacher-growth', labelKey: 'teacherGrowth:menu.mine', icon: RiseOutlined, permission: P.own, order: 60 },
    {
      key: 'teacher-growth-office',
      path: '/teacher-growth/office',
      labelKey: 'teacherGrowth:menu.office',
      icon: RiseOutlined,
      permission: P.oversee,
      order: 61,
    },
  ],
});
