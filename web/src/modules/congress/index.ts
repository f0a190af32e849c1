import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { CONGRESS_PERMISSIONS as P } from '@common/congress';
import { defineModule } from '../types';
import { messages } from './messages';

export const congressModule = defineModule({
  id: 'congress',
  messages,
  routes: [
    // The office and the representatives share the pages; the server decides what each sees.
    { path: 'congress', component: lazy(() => import('./TermPage')) },
    { path: 'congress/sessions/:id', component: lazy(() => import('./SessionPage')) },
  ],
  menu: [
    { key: 'congress', path: '/congress', labelKey: 'congress:menu', icon: TeamOutlined, permission: P.manage, order: 40 },
    { key: 'congress-mine', path: '/congress', labelKey: 'congress:menuMine', icon: TeamOutlined, permission: P.participate, order: 41 },
  ],
  homeCards: [{ key: 'congress-sessions', component: lazy(() => import('./SessionsCard')), roles: ['representative'], permission: P.participate, order: 15 }],
});
