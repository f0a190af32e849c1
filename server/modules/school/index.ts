/**
 * The school calendar (terms, closures, school days, reminder settings), shared by the
 * school practices 心桥 (heartBridge) and ten-minute moral education (moralEducation).
 * Other modules import only this file.
 */
import { SCHOOL_GRANTS, SCHOOL_PERMISSIONS } from '../../../common/school.js';
import { defineModule } from '../module.js';
import * as m1000 from './migrations/20261125_1000_school.js';
import * as m1251 from './migrations/20261207_1251_school_lesson_reminder.js';
import { schoolMessages } from './school.messages.js';
import { schoolRoutes } from './school.routes.js';
import { seedSchoolDemo } from './school.seed.js';

export const schoolModule = defineModule({
  name: 'school',
  permissions: Object.values(SCHOOL_PERMISSIONS),
  grants: SCHOOL_GRANTS,
  messages: schoolMessages,
  migrations: { '20261125_1000_school': m1000, '20261207_1251_school_lesson_reminder': m1251 },
  routes: schoolRoutes,
  jobs: [],
  indicators: [],
  homeCards: [],
  seedDemo: seedSchoolDemo,
});

export { SchoolCalendar, SchoolCalendarSource, loadSchoolCalendar, loadSchoolCalendarSource, type TermRef, type SchoolDayInfo } from './school.calendar.js';
export { Reach, reachOf, loadClass, loadStudent, loadSchool, describeClasses, type ClassInfo, type StudentInfo, type Duty } from './school.policy.js';
export { shanghaiClock, settingsOfSchools, inQuietHours, claimReminder, type LocalClock } from './school.reminders.js';
export { presentTerm } from './school.service.js';
export { pickTerm, schoolClasses, classesInScope, type ClassWithCalendar } from './school.classes.js';
export {
  schools as allSchools,
  classesUnder,
  studentsOfClass,
  studentsAmong,
  studentsOfClasses,
  teacherAccountsOf,
  teachersOfClasses,
  guardianAccountsOf,
  termsOf,
  activeStudent,
  type SchoolTermTable,
} from './school.repository.js';
