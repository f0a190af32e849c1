/**
 * 心桥 (heartBridge): the weekly two-way home–school book, DOMAIN.md practice 13.
 * Other modules import only this file.
 */
import { grantPermissions } from '../../../common/roles.js';
import { HEART_BRIDGE_PERMISSIONS as P } from '../../../common/school.js';
import type { XqModule } from '../module.js';
import * as m1010 from './migrations/20261125_1010_heartBridge.js';
import * as m1030 from './migrations/20261125_1030_heartBridge_twoWay.js';
import { heartBridgeRoutes } from './heartBridge.routes.js';
import { heartBridgeJobs } from './heartBridge.jobs.js';
import { seedHeartBridgeDemo } from './heartBridge.seed.js';
import './heartBridge.messages.js';

grantPermissions({
  principal: [P.oversee, P.managePhrases],
  academicOffice: [P.oversee, P.managePhrases],
  headTeacher: [P.writeSchool],
  subjectTeacher: [P.writeSchool],
  parent: [P.writeHome],
  student: [P.readOwn],
});

export const heartBridgeModule: XqModule = {
  name: 'heartBridge',
  migrations: { '20261125_1010_heartBridge': m1010, '20261125_1030_heartBridge_twoWay': m1030 },
  routes: heartBridgeRoutes,
  jobs: heartBridgeJobs,
  seedDemo: seedHeartBridgeDemo,
};

export { twoWayCoverage, guardianReplyRate, readRate, studentsWithoutExchange, loadWeekCounts, type WeekCounts } from './heartBridge.indicators.js';
export { rebuildWeekStats } from './heartBridge.repository.js';
