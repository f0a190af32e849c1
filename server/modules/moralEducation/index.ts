/**
 * Ten-minute moral education (moralEducation), DOMAIN.md practice 12: a school-wide topic
 * calendar fanned out to every class, and a daily record per class of the 13:50–14:00
 * session. Other modules import only this file.
 */
import { grantPermissions } from '../../../common/roles.js';
import { MORAL_EDUCATION_PERMISSIONS as P } from '../../../common/school.js';
import type { XqModule } from '../module.js';
import * as m1020 from './migrations/20261125_1020_moralEducation.js';
import { moralEducationRoutes } from './moralEducation.routes.js';
import { moralEducationJobs } from './moralEducation.jobs.js';
import { seedMoralEducationDemo } from './moralEducation.seed.js';
import './moralEducation.messages.js';

grantPermissions({
  principal: [P.oversee, P.plan, P.read],
  academicOffice: [P.oversee, P.plan, P.read],
  headTeacher: [P.read, P.record],
  subjectTeacher: [P.read],
});

export const moralEducationModule: XqModule = {
  name: 'moralEducation',
  migrations: { '20261125_1020_moralEducation': m1020 },
  routes: moralEducationRoutes,
  jobs: moralEducationJobs,
  seedDemo: seedMoralEducationDemo,
};

export { classCoverage, gradeCoverage, topicsCovered, presenterShare, missedSessions } from './moralEducation.indicators.js';
