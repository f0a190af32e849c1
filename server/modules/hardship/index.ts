/**
 * 困难职工帮扶 Hardship assistance (hardship), DOMAIN.md practice 8 and issue #19: one household
 * one file — application, two-person home visit, approval, public notice with objections, filing,
 * yearly review, exit and callbacks, relapse — with assistance records and budgets, on a
 * need-to-know basis (hardship officers only; every read audited). Other modules import only this file.
 */
import { HARDSHIP_GRANTS, HARDSHIP_PERMISSIONS } from '../../../common/hardship.js';
import { defineModule } from '../module.js';
import { hardshipNotableCases } from './hardship.notable.js';
import * as m2200 from './migrations/20261206_2200_hardship_files.js';
import * as m1231 from './migrations/20261207_1231_hardship_figures.js';
import * as m1432 from './migrations/20261207_1432_hardship_anonymous_objections.js';
import { hardshipIndicators } from './hardship.indicators.js';
import { hardshipJobs } from './hardship.jobs.js';
import { hardshipMessages } from './hardship.messages.js';
import { hardshipRoutes } from './hardship.routes.js';
import { seedHardshipDemo } from './hardship.seed.js';

export const hardshipModule = defineModule({
  name: 'hardship',
  permissions: Object.values(HARDSHIP_PERMISSIONS),
  grants: HARDSHIP_GRANTS,
  // A household's file is for the hardship officers of its union alone: not the system admin either.
  needToKnow: [HARDSHIP_PERMISSIONS.officer, HARDSHIP_PERMISSIONS.apply],
  messages: hardshipMessages,
  migrations: { '20261206_2200_hardship_files': m2200, '20261207_1231_hardship_figures': m1231, '20261207_1432_hardship_anonymous_objections': m1432 },
  routes: hardshipRoutes,
  jobs: hardshipJobs,
  indicators: hardshipIndicators,
  notableCases: hardshipNotableCases,
  homeCards: [
    {
      key: 'hardship.desk',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '困难职工帮扶', en: 'Hardship assistance' },
      path: '/hardship',
      indicator: 'hardship.households',
    },
    { key: 'hardship.mine', roles: ['worker'], title: { zh: '困难帮扶申请', en: 'Hardship application' }, path: '/hardship/mine' },
  ],
  seedDemo: seedHardshipDemo,
});

// For the work report and bench: one function per figure, and the bulk loader's table types.
export * as hardshipFigures from './hardship.indicators.js';
export type { HardshipTables, HardshipProfileTable } from './hardship.tables.js';
// For bench/hardship: the services exactly as the routes call them.
export * as hardshipService from './hardship.bench-surface.js';
