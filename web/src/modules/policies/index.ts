import { lazy } from 'react';
import { BookOutlined, QuestionCircleOutlined, SolutionOutlined } from '@ant-design/icons';
import { POLICY_PERMISSIONS as P } from '@common/policies';
import { defineModule } from '../types';

export const policiesModule = defineModule({
  id: 'policies',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'policies', component: lazy(() => import('./LibraryPage')), permission: P.read },
    { path: 'policies/new', component: lazy(() => import('./PolicyFormPage')), permission: P.manage },
    { path: 'policies/ask', component: lazy(() => import('./AskPage')), permission: P.ask },
    { path: 'policies/faq-uses', component: lazy(() => import('./FaqUsesPage')), permission: P.answer },
    { path: 'policies/questions', component: lazy(() => import('./QuestionsPage')) },
    { path: 'policies/questions/:id', component: lazy(() => import('./QuestionPage')) },
    { path: 'policies/:id', component: lazy(() => import('./PolicyPage')), permission: P.read },
  ],
  menu: [
    { key: 'policies-library', path: '/policies', labelKey: 'policies:menu.library', icon: BookOutlined, permission: P.read, order: 50 },
    { key: 'policies-ask', path: '/policies/ask', labelKey: 'policies:menu.ask', icon: QuestionCircleOutlined, permission: P.ask, order: 51 },
    { key: 'policies-questions', path: '/policies/questions', labelKey: 'policies:menu.questions', icon: SolutionOutlined, permission: P.answer, order: 52 },
  ],
  homeCards: [
    { key: 'policies-ask', component: lazy(() => import('./AskCard')), roles: ['worker', 'representative'], permission: P.ask, order: 30 },
    { key: 'policies-queue', component: lazy(() => import('./QueueCard')), roles: ['unionStaff', 'unionChair'], permission: P.answer, order: 30 },
  ],
});

// For appeals: the cited articles of an answer or decline, shown as a question's are.
export { Citations } from './Citations';
