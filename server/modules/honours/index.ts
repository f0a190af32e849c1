/**
 * Honours (honours): 工人先锋号 and other team honours with their nomination loop and the
 * automatic disqualifier check, and labour competitions (劳动竞赛) with scores and a live
 * ranking — DOMAIN.md practice 10, issue #20. Other modules import only this file.
 */
import { HONOURS_GRANTS, HONOURS_PERMISSIONS } from '../../../common/honours.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_honours_core.js';
import * as m1240 from './migrations/20261207_1240_honours_criteria.js';
import * as m1810 from './migrations/20261207_1810_honours_nominations_created.js';
import { honoursIndicators } from './honours.indicators.js';
import { honoursMessages } from './honours.messages.js';
import { honoursRoutes } from './honours.routes.js';
import { seedHonoursDemo } from './honours.seed.js';

export const honoursModule = defineModule({
  name: 'honours',
  permissions: Object.values(HONOURS_PERMISSIONS),
  grants: HONOURS_GRANTS,
  messages: honoursMessages,
  migrations: {
    '20261206_1900_honours_core': m1900,
    '20261207_1240_honours_criteria': m1240,
    '20261207_1810_honours_nominations_created': m1810,
  },
  routes: honoursRoutes,
  jobs: [],
  indicators: honoursIndicators,
  homeCards: [
    {
      key: 'honours.review',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '先进集体评选', en: 'Honours review' },
      path: '/honours',
      indicator: 'honours.nominations',
    },
    { key: 'honours.nominate', roles: ['handler'], title: { zh: '推荐先进班组', en: 'Nominate a team' }, path: '/honours' },
    {
      key: 'honours.competitions',
      roles: ['unionChair', 'unionStaff', 'handler', 'representative', 'worker'],
      title: { zh: '劳动竞赛排名', en: 'Competition ranking' },
      path: '/competitions',
    },
  ],
  seedDemo: seedHonoursDemo,
});

// For the work report and bench: one function per figure, and the disqualifier check as review runs it.
export * as honoursFigures from './honours.indicators.js';
export { checkDisqualifiers, DISQUALIFIERS } from './honours.disqualifiers.js';
export type { HonoursTables } from './honours.tables.js';
// For bench/honours: the list and the review desk exactly as the routes call them.
export * as honoursQueries from './honours.queries.js';
