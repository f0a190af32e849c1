import { lazy } from 'react';
import { BookOutlined, FundOutlined, HeartOutlined, SolutionOutlined } from '@ant-design/icons';
import { HEART_BRIDGE_PERMISSIONS as P } from '@common/heartBridge';
import { defineModule } from '../types';

export const heartBridgeModule = defineModule({
  id: 'heartBridge',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'heart-bridge/family', component: lazy(() => import('./FamilyPage')), permission: P.writeHome, light: true },
    { path: 'heart-bridge/mine', component: lazy(() => import('./MyBookPage')), permission: P.readOwn },
    // Class views answer teachers of the class and the school's office alike; the server decides.
    { path: 'heart-bridge/class', component: lazy(() => import('./ClassWeekPage')) },
    { path: 'heart-bridge/class/:classId/dashboard', component: lazy(() => import('./ClassDashboardPage')) },
    { path: 'heart-bridge/class/:classId/weeks/:week/students/:studentId', component: lazy(() => import('./StudentNotePage')) },
    { path: 'heart-bridge/school', component: lazy(() => import('./SchoolDashboardPage')), permission: P.oversee },
    { path: 'heart-bridge/student-weeks', component: lazy(() => import('./StudentWeeksPage')), permission: P.oversee },
  ],
  homeCards: [
    { key: 'heartBridge-family', component: lazy(() => import('./FamilyWeekCard')), roles: ['parent'], permission: P.writeHome, order: 10, width: 'full' },
    { key: 'heartBridge-mine', component: lazy(() => import('./MineCard')), roles: ['student'], permission: P.readOwn, order: 10 },
    {
      key: 'heartBridge-class',
      component: lazy(() => import('./ClassCoverageCard')),
      roles: ['headTeacher', 'subjectTeacher'],
      permission: P.writeSchool,
      order: 20,
    },
    {
      key: 'heartBridge-school',
      component: lazy(() => import('./SchoolCoverageCard')),
      roles: ['principal', 'academicOffice'],
      permission: P.oversee,
      order: 10,
    },
  ],
  menu: [
    { key: 'heartBridge-family', path: '/heart-bridge/family', labelKey: 'heartBridge:menuFamily', icon: HeartOutlined, permission: P.writeHome, order: 60 },
    { key: 'heartBridge-mine', path: '/heart-bridge/mine', labelKey: 'heartBridge:menuMine', icon: BookOutlined, permission: P.readOwn, order: 60 },
    { key: 'heartBridge-class', path: '/heart-bridge/class', labelKey: 'heartBridge:menuClass', icon: SolutionOutlined, permission: P.writeSchool, order: 61 },
    { key: 'heartBridge-school', path: '/heart-bridge/school', labelKey: 'heartBridge:menuSchool', icon: FundOutlined, permission: P.oversee, order: 62 },
  ],
});
