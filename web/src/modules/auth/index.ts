import { lazy } from 'react';
import { defineModule } from '../types';
import { messages } from './messages';

export const authModule = defineModule({
  id: 'auth',
  messages,
  publicRoutes: [{ path: 'login', component: lazy(() => import('./LoginPage')) }],
});
