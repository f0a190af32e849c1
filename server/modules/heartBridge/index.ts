/**
 * 心桥 (heartBridge): the weekly two-way home–school book, DOMAIN.md practice 13.
 * Other modules import only this file.
 */
import { HEART_BRIDGE_GRANTS, HEART_BRIDGE_PERMISSIONS } from '../../../common/heartBridge.js';
import { defineModule } from '../module.js';
import { heartBridgeIndicators } from './heartBridge.indicators.js';
import * as m1010 from './migrations/20261125_1010_heartBridge.js';
import * as m1030 from './migrations/20261125_1030_heartBridge_twoWay.js';
import { heartBridgeRoutes } from './heartBridge.routes.js';
import { heartBridgeJobs } from './heartBridge.jobs.js';
import { seedHeartBridgeDemo } from './heartBridge.seed.js';
import { heartBridgeMessages } from './heartBridge.messages.js';

export const heartBridgeModule = defineModule({
  name: 'heartBridge',
  permissions: Object.values(HEART_BRIDGE_PERMISSIONS),
  grants: HEART_BRIDGE_GRANTS,
  messages: heartBridgeMessages,
  migrations: { '20261125_1010_heartBridge': m1010, '20261125_1030_heartBridge_twoWay': m1030 },
  routes: heartBridgeRoutes,
  jobs: heartBridgeJobs,
  indicators: heartBridgeIndicators,
  homeCards: [],
  seedDemo: seedHeartBridgeDemo,
});

export { twoWayCoverage, guardianReplyRate, readRate, studentsWithoutExchange, loadWeekCounts, type WeekCounts } from './heartBridge.indicators.js';
export { rebuildWeekStats } from './heartBridge.repository.js';
// For bench/school/profile.ts: the school dashboard without HTTP.
export { schoolDashboard } from './heartBridge.service.js';
