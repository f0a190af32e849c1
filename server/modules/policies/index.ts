/**
 * Policy response (policies), DOMAIN.md practice 7 (政策回应机制): a library of laws, policies
 * and company rules split into citable articles, searchable in Chinese; workers' questions
 * answered citing articles within working days, and good answers published as FAQ.
 * Other modules import only this file.
 */
import { POLICY_GRANTS, POLICY_PERMISSIONS } from '../../../common/policies.js';
import { defineModule } from '../module.js';
import * as m1600 from './migrations/20261206_1600_policies_library.js';
import * as m0420 from './migrations/20261207_0420_policies_scale.js';
import * as m1230 from './migrations/20261207_1230_policies_question_keys.js';
import * as m2120 from './migrations/20261207_2120_policies_faq_events.js';
import { policiesRoutes } from './policies.routes.js';
import { policiesJobs } from './policies.jobs.js';
import { policiesIndicators } from './policies.indicators.js';
import { policiesMessages } from './policies.messages.js';
import { seedPoliciesDemo } from './policies.seed.js';

export const policiesModule = defineModule({
  name: 'policies',
  permissions: Object.values(POLICY_PERMISSIONS),
  grants: POLICY_GRANTS,
  messages: policiesMessages,
  migrations: {
    '20261206_1600_policies_library': m1600,
    '20261207_0420_policies_scale': m0420,
    '20261207_1230_policies_question_keys': m1230,
    '20261207_2120_policies_faq_events': m2120,
  },
  routes: policiesRoutes,
  jobs: policiesJobs,
  indicators: policiesIndicators,
  homeCards: [
    { key: 'policies.ask', roles: ['worker'], title: { zh: '政策咨询', en: 'Ask about a policy' }, path: '/policies' },
    {
      key: 'policies.queue',
      roles: ['unionStaff', 'unionChair'],
      title: { zh: '待答复的政策咨询', en: 'Policy questions to answer' },
      path: '/policies/questions',
      indicator: 'policies.onTimeAnswerRate',
    },
  ],
  seedDemo: seedPoliciesDemo,
});

export { citedArticles, citedArticlesFor, type CitedArticle } from './policies.lookup.js';
export { remindUnanswered } from './policies.jobs.js';

import { list as listPolicies, searchArticles } from './policies.service.js';
import { faq, list as listQuestions } from './questions.service.js';
import { onTimeAnswerRate, questionsAnswered } from './policies.indicators.js';
import { explainPrompts, questionSignature } from './policies.explain.js';
import { signOldQuestions } from './policies.jobs.js';
/** The read paths bench/policies/run.ts times at scale, and the signature its data builder stores as `ask` does. */
export const benchReads = {
  searchArticles,
  listPolicies,
  listQuestions,
  faq,
  questionsAnswered,
  onTimeAnswerRate,
  explainPrompts,
  questionSignature,
  signOldQuestions,
};
