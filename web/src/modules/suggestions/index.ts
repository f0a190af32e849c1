import { lazy } from 'react';
import { BarChartOutlined, BulbOutlined } from '@ant-design/icons';
import { SUGGESTION_PERMISSIONS as P } from '@common/suggestions';
import { defineModule } from '../types';

/**
 * 合理化建议 / 我为企业发展献一策: the worker's phone pages (submit, follow my suggestions), the
 * union desk (review, evaluators, decision, implementation, benefit, reward), the evaluator's
 * blind scoring, and the campaign statistics. The server decides who sees what (404 otherwise).
 */
export const suggestionsModule = defineModule({
  id: 'suggestions',
  messages: () => import('./messages').then((m) => m.messages),
  routes: [
    { path: 'suggestions', component: lazy(() => import('./ListPage')) },
    { path: 'suggestions/new', component: lazy(() => import('./SubmitPage')), permission: P.submit },
    { path: 'suggestions/statistics', component: lazy(() => import('./StatisticsPage')), permission: P.oversee },
    { path: 'suggestions/:id', component: lazy(() => import('./SuggestionPage')) },
  ],
  homeCards: [
    { key: 'suggestions-mine', component: lazy(() => import('./MyCard')), roles: ['worker'], permission: P.submit, order: 27 },
    { key: 'suggestions-desk', component: lazy(() => import('./DeskCard')), roles: ['unionChair', 'unionStaff'], permission: P.oversee, order: 40 },
  ],
  menu: [
    { key: 'suggestions-mine', path: '/suggestions', labelKey: 'suggestions:menu.mine', icon: BulbOutlined, permission: P.submit, order: 49 },
    { key: 'suggestions-desk', path: '/suggestions', labelKey: 'suggestions:menu.desk', icon: BulbOutlined, permission: P.evaluate, order: 52 },
    {
      key: 'suggestions-statistics',
      path: '/suggestions/statistics',
      labelKey: 'suggestions:menu.statistics',
      icon: BarChartOutlined,
      permission: P.oversee,
      order: 53,
    },
  ],
});
