import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

/** 账号与角色: the system admin's accounts page and the system-health home card. */
export const accountsModule = defineModule({
  id: 'accounts',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'admin/accounts', component: lazy(() => import('./AccountsPage')), permission: 'accounts.manage' }],
  menu: [{ key: 'accounts', path: '/admin/accounts', labelKey: 'accounts:menu', icon: TeamOutlined, permission: 'accounts.manage', order: 85 }],
  homeCards: [
    { key: 'accounts-health', component: lazy(() => import('./HealthCard')), roles: ['sysAdmin'], permission: 'accounts.manage', order: 10, width: 'full' },
  ],
});
