import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const dashboardModule = defineModule({
  id: 'dashboard',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: '', component: lazy(() => import('./HomePage')) }],
  menu: [{ key: 'home', path: '/', labelKey: 'dashboard:menu', icon: HomeOutlined, order: 0 }],
  homeCards: [
    // The union's category chart (and with it echarts) only for the union; teachers read the roster too.
    { key: 'people-chart', component: lazy(() => import('./PeopleChartCard')), roles: ['unionChair', 'unionStaff'], permission: 'people.read', order: 80 },
    { key: 'roles', component: lazy(() => import('./RolesCard')), order: 90 },
  ],
});
