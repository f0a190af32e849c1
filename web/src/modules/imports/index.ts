import { lazy } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { defineModule } from '../types';

export const importsModule = defineModule({
  id: 'imports',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [{ path: 'imports', component: lazy(() => import('./ImportPage')), permission: 'people.import' }],
  menu: [{ key: 'imports', path: '/imports', labelKey: 'imports:menu', icon: UploadOutlined, permission: 'people.import', order: 30 }],
});
