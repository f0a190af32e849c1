/**
 * 劳动争议调解 Labour-dispute mediation (mediation), DOMAIN.md practice 3 and issue #19: the
 * enterprise mediation committee's cases — application, acceptance within 3 working days,
 * sessions, agreement or referral to arbitration, performance — with the rules' clocks and
 * confidentiality. Other modules import only this file.
 */
import { MEDIATION_GRANTS, MEDIATION_PERMISSIONS } from '../../../common/mediation.js';
import { defineModule } from '../module.js';
import * as m1500 from './migrations/20261206_1500_mediation_cases.js';
import * as m0800 from './migrations/20261207_0800_mediation_figures.js';
import { mediationIndicators } from './mediation.indicators.js';
import { mediationJobs } from './mediation.jobs.js';
import { mediationMessages } from './mediation.messages.js';
import { mediationRoutes } from './mediation.routes.js';
import { seedMediationDemo } from './mediation.seed.js';

export const mediationModule = defineModule({
  name: 'mediation',
  permissions: Object.values(MEDIATION_PERMISSIONS),
  grants: MEDIATION_GRANTS,
  messages: mediationMessages,
  migrations: { '20261206_1500_mediation_cases': m1500, '20261207_0800_mediation_figures': m0800 },
  routes: mediationRoutes,
  jobs: mediationJobs,
  indicators: mediationIndicators,
  homeCards: [
    {
      key: 'mediation.desk',
      roles: ['mediator', 'unionChair', 'unionStaff'],
      title: { zh: '调解工作台', en: 'Mediation desk' },
      path: '/mediation',
      indicator: 'mediation.successRate',
    },
    { key: 'mediation.mine', roles: ['worker'], title: { zh: '我的调解', en: 'My mediation' }, path: '/mediation' },
  ],
  seedDemo: seedMediationDemo,
});

// For the work report, hardship's cross-check and bench: one function per figure, and the bulk loader's table types.
export * as mediationFigures from './mediation.indicators.js';
export type { MediationCaseTable, MediationTables } from './mediation.tables.js';
// For bench/mediation: the services exactly as the routes call them.
export * as mediationService from './mediation.service.js';
// For honours: the arrears cases of a unit (its disqualifier check).
export { arrearsCasesIn } from './mediation.arrears.js';
// For hardship: the cases a worker applied for (its officers' cross-check panel).
export { casesOfApplicant } from './mediation.parties.js';
