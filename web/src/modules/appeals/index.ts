import { lazy } from 'react';
import { AlertOutlined, AuditOutlined, DashboardOutlined, FormOutlined, InboxOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import { APPEAL_PERMISSIONS as P } from '@common/appeals';
import { defineModule } from '../types';

/**
 * 职工诉求 Appeals: workers raise and rate appeals from a phone; union staff accept, assign
 * and watch group alerts; department handlers answer. The detail page has no permission of
 * its own: the server says who may see an appeal (404 otherwise) and what they may do.
 */
export const appealsModule = defineModule({
  id: 'appeals',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'appeals/new', component: lazy(() => import('./SubmitPage')), permission: P.submit, light: true },
    { path: 'appeals/mine', component: lazy(() => import('./MyAppealsPage')), permission: P.submit },
    { path: 'appeals', component: lazy(() => import('./InboxPage')), permission: P.manage },
    { path: 'appeals/assigned', component: lazy(() => import('./AssignedPage')), permission: P.handle },
    { path: 'appeals/group-alerts', component: lazy(() => import('./GroupAlertsPage')), permission: P.manage },
    { path: 'appeals/group-alerts/:id', component: lazy(() => import('./GroupAlertDetailPage')), permission: P.manage },
    // Staff and handlers both; the page checks for either permission.
    { path: 'appeals/dashboard', component: lazy(() => import('./DashboardPage')) },
    { path: 'appeals/settings', component: lazy(() => import('./SettingsPage')), permission: P.configure },
    { path: 'appeals/:id', component: lazy(() => import('./AppealDetailPage')) },
  ],
  homeCards: [
    { key: 'appeals-submit', component: lazy(() => import('./SubmitCard')), roles: ['worker', 'representative'], permission: P.submit, order: 10 },
    { key: 'appeals-mine', component: lazy(() => import('./MyAppealsCard')), roles: ['worker', 'representative'], permission: P.submit, order: 20 },
    {
      key: 'appeals-staff',
      component: lazy(() => import('./StaffCountsCard')),
      roles: ['unionStaff', 'unionChair'],
      permission: P.manage,
      order: 10,
      width: 'full',
    },
    { key: 'appeals-assigned', component: lazy(() => import('./AssignedCard')), roles: ['handler'], permission: P.handle, order: 10, width: 'full' },
  ],
  menu: [
    { key: 'appeals-new', path: '/appeals/new', labelKey: 'appeals:menu.submit', icon: FormOutlined, permission: P.submit, order: 40 },
    { key: 'appeals-mine', path: '/appeals/mine', labelKey: 'appeals:menu.mine', icon: SolutionOutlined, permission: P.submit, order: 41 },
    { key: 'appeals-inbox', path: '/appeals', labelKey: 'appeals:menu.inbox', icon: InboxOutlined, permission: P.manage, order: 42 },
    { key: 'appeals-assigned', path: '/appeals/assigned', labelKey: 'appeals:menu.assigned', icon: AuditOutlined, permission: P.handle, order: 43 },
    { key: 'appeals-alerts', path: '/appeals/group-alerts', labelKey: 'appeals:menu.alerts', icon: AlertOutlined, permission: P.manage, order: 44 },
    { key: 'appeals-dashboard', path: '/appeals/dashboard', labelKey: 'appeals:menu.dashboard', icon: DashboardOutlined, permission: P.manage, order: 45 },
    { key: 'appeals-settings', path: '/appeals/settings', labelKey: 'appeals:menu.settings', icon: SettingOutlined, permission: P.configure, order: 46 },
  ],
});
