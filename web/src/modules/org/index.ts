import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const orgModule = defineModule({
  id: 'org',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'org', component: lazy(() => import('./OrgPage')), permission: 'org.read' }],
  menu: [{ key: 'org', path: '/org', labelKey: 'org:menu', icon: ApartmentOutlined, permission: 'org.read', order: 10 }],
});
