import { lazy } from 'react';
import { BarChartOutlined, FileAddOutlined, TeamOutlined } from '@ant-design/icons';
import { MEDIATION_PERMISSIONS as P } from '@common/mediation';
import { defineModule } from '../types';

/**
 * 劳动争议调解 Mediation: the committee's desk (mediators, union chair and staff) with the
 * clocks' lights, the case page with its session and outcome forms, and the worker's phone
 * view of their own cases. The server decides who sees a case (404 otherwise) and what they may do.
 */
export const mediationModule = defineModule({
  id: 'mediation',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'mediation', component: lazy(() => import('./CaseListPage')) },
    { path: 'mediation/new', component: lazy(() => import('./ApplyPage')), permission: P.apply },
    { path: 'mediation/register', component: lazy(() => import('./RegisterPage')), permission: P.desk },
    { path: 'mediation/cases/:id', component: lazy(() => import('./CasePage')) },
    { path: 'mediation/figures', component: lazy(() => import('./FiguresPage')), permission: P.oversee },
  ],
  homeCards: [
    { key: 'mediation-desk', component: lazy(() => import('./DeskCard')), roles: ['mediator'], permission: P.desk, order: 30 },
    { key: 'mediation-mine', component: lazy(() => import('./MyCasesCard')), roles: ['worker', 'representative'], permission: P.apply, order: 25 },
  ],
  menu: [
    { key: 'mediation-desk', path: '/mediation', labelKey: 'mediation:menu.desk', icon: TeamOutlined, permission: P.desk, order: 50 },
    { key: 'mediation-mine', path: '/mediation', labelKey: 'mediation:menu.mine', icon: TeamOutlined, permission: P.apply, order: 47 },
    { key: 'mediation-figures', path: '/mediation/figures', labelKey: 'mediation:menu.figures', icon: BarChartOutlined, permission: P.oversee, order: 51 },
    { key: 'mediation-apply', path: '/mediation/new', labelKey: 'mediation:menu.apply', icon: FileAddOutlined, permission: P.apply, order: 48 },
  ],
});
