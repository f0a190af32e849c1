import { lazy } from 'react';
import { FileTextOutlined, FundOutlined } from '@ant-design/icons';
import { WORK_REPORT_PERMISSIONS as P } from '@common/workReport';
import { defineModule } from '../types';

export const workReportModule = defineModule({
  id: 'workReport',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'work-report/dashboard', component: lazy(() => import('./DashboardPage')), permission: P.read },
    { path: 'work-reports', component: lazy(() => import('./ReportsPage')), permission: P.read },
    { path: 'work-reports/:id', component: lazy(() => import('./ReportPage')), permission: P.read },
  ],
  menu: [
    { key: 'work-report-dashboard', path: '/work-report/dashboard', labelKey: 'workReport:menuDashboard', icon: FundOutlined, permission: P.read, order: 12 },
    { key: 'work-reports', path: '/work-reports', labelKey: 'workReport:menuReports', icon: FileTextOutlined, permission: P.read, order: 13 },
  ],
});
