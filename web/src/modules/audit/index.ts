import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const auditModule = defineModule({
  id: 'audit',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'audit', component: lazy(() => import('./AuditPage')), permission: 'audit.read' }],
  menu: [{ key: 'audit', path: '/audit', labelKey: 'audit:menu', icon: AuditOutlined, permission: 'audit.read', order: 40 }],
});
