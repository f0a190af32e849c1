import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const peopleModule = defineModule({
  id: 'people',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'people', component: lazy(() => import('./PeoplePage')), permission: 'people.read' }],
  menu: [{ key: 'people', path: '/people', labelKey: 'people:menu', icon: TeamOutlined, permission: 'people.read', order: 20 }],
});
