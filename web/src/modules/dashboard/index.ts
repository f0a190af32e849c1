import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import { defineModule } from '../types';
import { messages } from './messages';

export const dashboardModule = defineModule({
  id: 'dashboard',
  messages,
  routes: [{ path: '', component: lazy(() => import('./HomePage')) }],
  menu: [{ key: 'home', path: '/', labelKey: 'dashboard:menu', icon: HomeOutlined, order: 0 }],
});
