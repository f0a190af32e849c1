/**
 * Ten-minute moral education (moralEducation), DOMAIN.md practice 12: a school-wide topic
 * calendar fanned out to every class, and a daily record per class of the 13:50–14:00
 * session. Other modules import only this file.
 */
import { MORAL_EDUCATION_GRANTS, MORAL_EDUCATION_PERMISSIONS } from '../../../common/moralEducation.js';
import { defineModule } from '../module.js';
import { moralEducationIndicators } from './moralEducation.indicators.js';
import * as m1020 from './migrations/20261125_1020_moralEducation.js';
import * as m1102 from './migrations/20261208_1102_moralEducation_files.js';
import { moralEducationRoutes } from './moralEducation.routes.js';
import { moralEducationJobs } from './moralEducation.jobs.js';
import { seedMoralEducationDemo } from './moralEducation.seed.js';
import { moralEducationMessages } from './moralEducation.messages.js';

export const moralEducationModule = defineModule({
  name: 'moralEducation',
  permissions: Object.values(MORAL_EDUCATION_PERMISSIONS),
  grants: MORAL_EDUCATION_GRANTS,
  // A student's own class is the student's alone: a system admin has no class of their own (the walk found its menu
  // entry answering 404 to the admin).
  needToKnow: [MORAL_EDUCATION_PERMISSIONS.readOwnClass],
  messages: moralEducationMessages,
  migrations: { '20261125_1020_moralEducation': m1020, '20261208_1102_moralEducation_files': m1102 },
  routes: moralEducationRoutes,
  jobs: moralEducationJobs,
  indicators: moralEducationIndicators,
  homeCards: [],
  seedDemo: seedMoralEducationDemo,
});

export { classCoverage, gradeCoverage, topicsCovered, presenterShare, missedSessions } from './moralEducation.indicators.js';
