/**
 * 梯队培养 Tiered teacher growth (teacherGrowth), DOMAIN.md practice 14 and issue #21: tiers as
 * the school defines them, a placement per teacher, three-year growth plans through
 * draft → submitted → reviewed → active → yearly review → complete, typed evidence, mentoring
 * pairs, school activities whose results become evidence, and promotions (proposed by the
 * research office, approved by the principal). Other modules import only this file.
 */
import { TEACHER_GROWTH_GRANTS, TEACHER_GROWTH_PERMISSIONS } from '../../../common/teacherGrowth.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_teacherGrowth_plans.js';
import * as m0420 from './migrations/20261207_0420_teacherGrowth_rubrics.js';
import { teacherGrowthIndicators } from './teacherGrowth.indicators.js';
import { teacherGrowthMessages } from './teacherGrowth.messages.js';
import { teacherGrowthRoutes } from './teacherGrowth.routes.js';
import { seedTeacherGrowthDemo } from './teacherGrowth.seed.js';

export const teacherGrowthModule = defineModule({
  name: 'teacherGrowth',
  permissions: Object.values(TEACHER_GROWTH_PERMISSIONS),
  grants: TEACHER_GROWTH_GRANTS,
  messages: teacherGrowthMessages,
  migrations: { '20261206_1900_teacherGrowth_plans': m1900, '20261207_0420_teacherGrowth_rubrics': m0420 },
  routes: teacherGrowthRoutes,
  jobs: [],
  indicators: teacherGrowthIndicators,
  homeCards: [
    { key: 'teacherGrowth.mine', roles: ['headTeacher', 'subjectTeacher'], title: { zh: '我的成长规划', en: 'My growth plan' }, path: '/teacher-growth' },
    {
      key: 'teacherGrowth.office',
      roles: ['academicOffice', 'principal'],
      title: { zh: '梯队培养', en: 'Tiered teacher growth' },
      path: '/teacher-growth/office',
      indicator: 'teacherGrowth.plansOnTrack',
    },
  ],
  seedDemo: seedTeacherGrowthDemo,
});

export * as teacherGrowthFigures from './teacherGrowth.indicators.js';
export type { GrowthTables } from './teacherGrowth.tables.js';
// For bench/teacherGrowth: the services exactly as the routes call them.
export * as teacherGrowthPlans from './teacherGrowth.service.js';
export * as teacherGrowthOffice from './teacherGrowth.office.js';
