import { lazy } from 'react';
import { FileAddOutlined, HeartOutlined, NotificationOutlined } from '@ant-design/icons';
import { HARDSHIP_PERMISSIONS as P } from '@common/hardship';
import { defineModule } from '../types';

/**
 * 困难职工帮扶 Hardship assistance: the officers' desk (list, file page with visits, approval,
 * notice, review, exit, callbacks, assistance), the worker's phone pages (apply, my application)
 * and the public notice with masked names. The server decides who sees a file (404 otherwise).
 */
export const hardshipModule = defineModule({
  id: 'hardship',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'hardship', component: lazy(() => import('./ListPage')) },
    { path: 'hardship/mine', component: lazy(() => import('./ListPage')), permission: P.apply },
    { path: 'hardship/apply', component: lazy(() => import('./ApplyPage')), permission: P.apply },
    { path: 'hardship/households/:id', component: lazy(() => import('./HouseholdPage')) },
    { path: 'hardship/publicity', component: lazy(() => import('./PublicityPage')), permission: P.publicity },
  ],
  homeCards: [
    { key: 'hardship-desk', component: lazy(() => import('./DeskCard')), roles: ['unionStaff', 'unionChair'], permission: P.officer, order: 40 },
    { key: 'hardship-mine', component: lazy(() => import('./MineCard')), roles: ['worker'], permission: P.apply, order: 40 },
  ],
  menu: [
    { key: 'hardship-desk', path: '/hardship', labelKey: 'hardship:menu.desk', icon: HeartOutlined, permission: P.officer, order: 52 },
    { key: 'hardship-mine', path: '/hardship/mine', labelKey: 'hardship:menu.mine', icon: FileAddOutlined, permission: P.apply, order: 49 },
    {
      key: 'hardship-publicity',
      path: '/hardship/publicity',
      labelKey: 'hardship:menu.publicity',
      icon: NotificationOutlined,
      permission: P.publicity,
      order: 53,
    },
  ],
});
