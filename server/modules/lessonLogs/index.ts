/**
 * 35+10 课堂与「六个十」 The lesson log (issue #21): teachers log their timetabled lessons from
 * the phone; the academic office sees what is not logged and compliance by teacher, subject,
 * grade and week. Stands on the timetable and the school calendar. Other modules import only this file.
 */
import { LESSON_LOG_GRANTS, LESSON_LOG_PERMISSIONS } from '../../../common/lessonLogs.js';
import { defineModule } from '../module.js';
import * as m1910 from './migrations/20261206_1910_lessonLogs_logs.js';
import * as m2230 from './migrations/20261206_2230_lessonLogs_reach.js';
import * as m1250 from './migrations/20261207_1250_lessonLogs_cells.js';
import * as m0050 from './migrations/20261208_0050_lessonLogs_cells_covering.js';
import { lessonLogsIndicators } from './lessonLogs.indicators.js';
import { lessonLogsJobs } from './lessonLogs.jobs.js';
import { lessonLogsMessages } from './lessonLogs.messages.js';
import { lessonLogsRoutes } from './lessonLogs.routes.js';
import { seedLessonLogsDemo } from './lessonLogs.seed.js';

export const lessonLogsModule = defineModule({
  name: 'lessonLogs',
  permissions: Object.values(LESSON_LOG_PERMISSIONS),
  grants: LESSON_LOG_GRANTS,
  messages: lessonLogsMessages,
  migrations: {
    '20261206_1910_lessonLogs_logs': m1910,
    '20261206_2230_lessonLogs_reach': m2230,
    '20261207_1250_lessonLogs_cells': m1250,
    '20261208_0050_lessonLogs_cells_covering': m0050,
  },
  routes: lessonLogsRoutes,
  jobs: lessonLogsJobs,
  indicators: lessonLogsIndicators,
  homeCards: [],
  seedDemo: seedLessonLogsDemo,
});

export type { LessonLogTable, LessonLogStudentTable, LessonLogTables } from './lessonLogs.tables.js';

// For the work report and bench: one function per figure.
export * as lessonLogsFigures from './lessonLogs.indicators.js';
// For bench/lessonLogs: the services exactly as the routes call them.
export * as lessonLogsService from './lessonLogs.service.js';
export * as lessonLogsOffice from './lessonLogs.office.js';
// For bench/lessonLogs' baseline: the lessons a timetable promises, listed or counted.
export * as lessonLogsSchedule from './lessonLogs.schedule.js';
// For bench/lessonLogs' bulk loader: the mask a log keeps of the students it tallied.
export { maskOf } from './lessonLogs.reach.js';
// For bulk loaders that write logs directly (the bench): the compliance cells rebuilt from them.
export { rebuildCells } from './lessonLogs.cells.js';
