import { lazy } from 'react';
import { UserOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const accountModule = defineModule({
  id: 'account',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'account', component: lazy(() => import('./AccountPage')) }],
  menu: [{ key: 'account', path: '/account', labelKey: 'account:menu', icon: UserOutlined, order: 90 }],
});
