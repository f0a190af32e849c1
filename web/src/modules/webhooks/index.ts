import { lazy } from 'react';
import { RobotOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

const MANAGE = 'webhooks.manage';

export const webhooksModule = defineModule({
  id: 'webhooks',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'webhooks', component: lazy(() => import('./WebhooksPage')), permission: MANAGE }],
  menu: [{ key: 'webhooks', path: '/webhooks', labelKey: 'webhooks:menu', icon: RobotOutlined, permission: MANAGE, order: 55 }],
});
