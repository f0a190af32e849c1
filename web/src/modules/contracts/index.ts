import { lazy } from 'react';
import { AuditOutlined, FileTextOutlined } from '@ant-design/icons';
import { CONTRACTS_PERMISSIONS as P } from '@common/contracts';
import { defineModule } from '../types';

/** Collective contracts: the union's list, board, diff and inspection; the workers' published text. */
export const contractsModule = defineModule({
  id: 'contracts',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'contracts', component: lazy(() => import('./ContractsPage')), permission: P.read },
    { path: 'contracts/wages', component: lazy(() => import('./WagesPage')), permission: P.manage },
    { path: 'contracts/clauses', component: lazy(() => import('./ClausesPage')), permission: P.read },
    { path: 'contracts/wage-raises', component: lazy(() => import('./WageRaisesPage')), permission: P.read },
    { path: 'contracts/published', component: lazy(() => import('./PublishedPage')), permission: P.readPublished },
    { path: 'contracts/published/:id', component: lazy(() => import('./PublishedTextRoute')), permission: P.readPublished },
    { path: 'contracts/:id', component: lazy(() => import('./ContractPage')), permission: P.read },
  ],
  menu: [
    { key: 'contracts', path: '/contracts', labelKey: 'contracts:menu', icon: AuditOutlined, permission: P.read, order: 53 },
    {
      key: 'contracts-published',
      path: '/contracts/published',
      labelKey: 'contracts:menuPublished',
      icon: FileTextOutlined,
      permission: P.readPublished,
      order: 54,
    },
  ],
});
