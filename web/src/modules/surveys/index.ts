import { lazy } from 'react';
import { FormOutlined, SearchOutlined } from '@ant-design/icons';
import { SURVEY_PERMISSIONS as P } from '@common/surveys';
import { defineModule } from '../types';

/**
 * 调研摸底与问题排查 Surveys and screening: the office builds, opens and reads surveys (results
 * cut by target attributes, with charts and an Excel export) and keeps the per-unit screening
 * list; workers answer on the phone. The server decides who reaches what (404 otherwise).
 */
export const surveysModule = defineModule({
  id: 'surveys',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'surveys', component: lazy(() => import('./OfficePage')), permission: P.manage },
    { path: 'surveys/new', component: lazy(() => import('./BuildPage')), permission: P.manage },
    { path: 'surveys/concerns', component: lazy(() => import('./ConcernsPage')), permission: P.manage },
    { path: 'surveys/screening', component: lazy(() => import('./ScreeningPage')) },
    { path: 'surveys/mine', component: lazy(() => import('./MySurveysPage')), permission: P.answer },
    { path: 'surveys/answer/:id', component: lazy(() => import('./AnswerPage')), permission: P.answer },
    { path: 'surveys/:id', component: lazy(() => import('./SurveyPage')), permission: P.manage },
  ],
  homeCards: [{ key: 'surveys-mine', component: lazy(() => import('./MySurveysCard')), roles: ['worker'], permission: P.answer, order: 27 }],
  menu: [
    { key: 'surveys-office', path: '/surveys', labelKey: 'surveys:menu.office', icon: FormOutlined, permission: P.manage, order: 55 },
    { key: 'surveys-screening', path: '/surveys/screening', labelKey: 'surveys:menu.screening', icon: SearchOutlined, permission: P.manage, order: 56 },
    { key: 'surveys-mine', path: '/surveys/mine', labelKey: 'surveys:menu.mine', icon: FormOutlined, permission: P.answer, order: 46 },
  ],
});
