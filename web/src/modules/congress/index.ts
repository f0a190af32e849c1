import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { CONGRESS_PERMISSIONS as P } from '@common/congress';
import { defineModule } from '../types';

export const congressModule = defineModule({
  id: 'congress',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    // The office and the representatives share the pages; the server decides what each sees.
    { path: 'congress', component: lazy(() => import('./TermPage')) },
    { path: 'congress/sessions/:id', component: lazy(() => import('./SessionPage')) },
    { path: 'congress/proposals/:id', component: lazy(() => import('./ProposalPage')) },
    { path: 'congress/assigned', component: lazy(() => import('./AssignedPage')) },
    { path: 'congress/figures', component: lazy(() => import('./FiguresPage')), permission: P.manage },
  ],
  menu: [
    { key: 'congress', path: '/congress', labelKey: 'congress:menu', icon: TeamOutlined, permission: P.manage, order: 40 },
    { key: 'congress-mine', path: '/congress', labelKey: 'congress:menuMine', icon: TeamOutlined, permission: P.participate, order: 41 },
    { key: 'congress-figures', path: '/congress/figures', labelKey: 'congress:figures.menu', icon: TeamOutlined, permission: P.manage, order: 43 },
    { key: 'congress-assigned', path: '/congress/assigned', labelKey: 'congress:assigned.menu', icon: TeamOutlined, permission: P.answer, order: 42 },
  ],
  homeCards: [
    { key: 'congress-sessions', component: lazy(() => import('./SessionsCard')), roles: ['representative'], permission: P.participate, order: 15 },
    { key: 'congress-assigned', component: lazy(() => import('./AssignedCard')), roles: ['handler'], permission: P.answer, order: 16 },
    { key: 'congress-office', component: lazy(() => import('./SessionsCard')), roles: ['unionChair', 'unionStaff'], permission: P.manage, order: 30 },
  ],
});
