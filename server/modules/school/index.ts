/**
 * The school calendar (terms, closures, school days, reminder settings), shared by the
 * school practices 心桥 (heartBridge) and ten-minute moral education (moralEducation).
 * Other modules import only this file.
 */
import { grantPermissions } from '../../../common/roles.js';
import { SCHOOL_PERMISSIONS } from '../../../common/school.js';
import type { XqModule } from '../module.js';
import * as m1000 from './migrations/20261125_1000_school.js';
import { schoolRoutes } from './school.routes.js';
import { seedSchoolDemo } from './school.seed.js';
import './school.messages.js';

grantPermissions({
  sysAdmin: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  principal: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  academicOffice: [SCHOOL_PERMISSIONS.read, SCHOOL_PERMISSIONS.manage],
  headTeacher: [SCHOOL_PERMISSIONS.read],
  subjectTeacher: [SCHOOL_PERMISSIONS.read],
  parent: [SCHOOL_PERMISSIONS.read],
  student: [SCHOOL_PERMISSIONS.read],
});

export const schoolModule: XqModule = {
  name: 'school',
  migrations: { '20261125_1000_school': m1000 },
  routes: schoolRoutes,
  seedDemo: seedSchoolDemo,
};

export { SchoolCalendar, SchoolCalendarSource, loadSchoolCalendar, loadSchoolCalendarSource, type TermRef, type SchoolDayInfo } from './school.calendar.js';
export { Reach, reachOf, loadClass, loadStudent, loadSchool, describeClasses, type ClassInfo, type StudentInfo, type Duty } from './school.policy.js';
export { shanghaiClock, settingsOfSchools, inQuietHours, claimReminder, type LocalClock } from './school.reminders.js';
export { presentTerm } from './school.service.js';
export { pickTerm, schoolClasses, type ClassWithCalendar } from './school.classes.js';
export {
  schools as allSchools,
  classesUnder,
  studentsOfClass,
  studentsOfClasses,
  teacherAccountsOf,
  teachersOfClasses,
  guardianAccountsOf,
  termsOf,
  activeStudent,
  type SchoolTermTable,
} from './school.repository.js';
export { SM as schoolMessages } from './school.messages.js';
