/**
 * The year-end work report and the cross-practice dashboard (workReport), issue #22. It
 * imports no practice module: it loops over the core indicator registry. Other modules
 * import only this file.
 */
import { WORK_REPORT_GRANTS, WORK_REPORT_PERMISSIONS } from '../../../common/workReport.js';
import { defineModule } from '../module.js';
import * as m1600 from './migrations/20261206_1600_workReport_tables.js';
import * as m0430 from './migrations/20261207_0430_workReport_threshold_weeks.js';
import * as m2110 from './migrations/20261207_2110_workReport_records.js';
import { workReportRoutes } from './workReport.routes.js';
import { workReportJobs } from './workReport.generate.js';
import { workReportMessages } from './workReport.messages.js';
import { seedWorkReportDemo } from './workReport.seed.js';

export const workReportModule = defineModule({
  name: 'workReport',
  permissions: Object.values(WORK_REPORT_PERMISSIONS),
  grants: WORK_REPORT_GRANTS,
  messages: workReportMessages,
  migrations: { '20261206_1600_workReport_tables': m1600, '20261207_0430_workReport_threshold_weeks': m0430, '20261207_2110_workReport_records': m2110 },
  routes: workReportRoutes,
  jobs: workReportJobs,
  indicators: [],
  homeCards: [],
  seedDemo: seedWorkReportDemo,
});

export { generate as generateWorkReport, settleGenerations } from './workReport.generate.js';
// For bench/workReport: the snapshot with a hook after each module, to time the practices one by one.
export { snapshotFigures } from './workReport.figures.js';
// For bench/workReport: the size of a report's kept record ids.
export { storedBytes } from './workReport.records.js';
