/**
 * 调研摸底与问题排查 Surveys and screening (surveys), DOMAIN.md practice 9 and issue #20:
 * targeted surveys frozen to their recipients when they open, named or anonymous (no link from
 * an answer to a person; cells under 5 suppressed), answered on the phone, reminded, cut by
 * target attributes and exported; and the per-unit screening list of open problems, which can
 * become decided items. Other modules import only this file.
 */
import { SURVEY_GRANTS, SURVEY_PERMISSIONS } from '../../../common/surveys.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_surveys_tables.js';
import * as m0040 from './migrations/20261208_0040_surveys_tallies.js';
import { surveysIndicators } from './surveys.indicators.js';
import { surveysJobs } from './surveys.jobs.js';
import { surveysMessages } from './surveys.messages.js';
import { surveysRoutes } from './surveys.routes.js';
import { seedSurveysDemo } from './surveys.seed.js';

export const surveysModule = defineModule({
  name: 'surveys',
  permissions: Object.values(SURVEY_PERMISSIONS),
  grants: SURVEY_GRANTS,
  messages: surveysMessages,
  migrations: { '20261206_1900_surveys_tables': m1900, '20261208_0040_surveys_tallies': m0040 },
  routes: surveysRoutes,
  jobs: surveysJobs,
  indicators: surveysIndicators,
  homeCards: [
    {
      key: 'surveys.office',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '调研与问题排查', en: 'Surveys and screening' },
      path: '/surveys',
      indicator: 'surveys.responseRate',
    },
    { key: 'surveys.mine', roles: ['worker'], title: { zh: '我的问卷', en: 'My surveys' }, path: '/surveys/mine' },
  ],
  seedDemo: seedSurveysDemo,
});

// For tests and bench: the reminder sweep and the figures, as the scheduler and the registry call them.
export { remindNonRespondents, inQuietHours } from './surveys.jobs.js';
export * as surveysFigures from './surveys.indicators.js';
export type { SurveyTables } from './surveys.tables.js';
// For bench/surveys: the reads exactly as the routes call them.
export * as surveysBench from './surveys.bench.js';
// For bulk writers outside the answering service (bench/surveys' builder): a survey's running totals counted afresh.
export * as surveysBulk from './surveys.tallies.js';
// For contracts: a survey of workers' demands linked to a bargaining, shown with its answers and top concerns.
export { surveyDigest, surveyForLink, type SurveyDigest } from './surveys.digest.js';
