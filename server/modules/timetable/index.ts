/**
 * 课表 The academic office's timetable (issue #21): a class's weekly periods → subject and
 * teacher, edited on a grid or imported from Excel. Teachers are assigned to classes in core's
 * class_teachers (`POST /api/v1/orgs/:classId/teachers`). Other modules import only this file.
 */
import { TIMETABLE_GRANTS, TIMETABLE_PERMISSIONS } from '../../../common/timetable.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_timetable_slots.js';
import { timetableMessages } from './timetable.messages.js';
import { timetableRoutes } from './timetable.routes.js';
import { seedTimetableDemo } from './timetable.seed.js';

export const timetableModule = defineModule({
  name: 'timetable',
  permissions: Object.values(TIMETABLE_PERMISSIONS),
  grants: TIMETABLE_GRANTS,
  messages: timetableMessages,
  migrations: { '20261206_1900_timetable_slots': m1900 },
  routes: timetableRoutes,
  jobs: [],
  indicators: [],
  homeCards: [],
  seedDemo: seedTimetableDemo,
});

// For lessonLogs: the slots lessons are logged against, and the table types.
export { slotsOfClasses, slotsOfTeacher, slotAt, slotsForPeriod, slotKeysOfClasses, weekendRowsOf } from './timetable.repository.js';
export type { TimetableSlotTable, TimetableTables } from './timetable.tables.js';
