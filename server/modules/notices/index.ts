/**
 * Transparent notices (notices, 厂务公开), DOMAIN.md practice 11: notices published to an org
 * subtree (and employment categories), read receipts and read rates per unit, workers'
 * questions answered by the publisher, and a tamper-evident hash chain of every publication,
 * correction and withdrawal, verified by `xq notices verify`. Other modules import only this file.
 */
import { NOTICE_GRANTS, NOTICE_PERMISSIONS } from '../../../common/notices.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_notices_chain.js';
import * as m0410 from './migrations/20261207_0410_notices_source.js';
import * as m1430 from './migrations/20261207_1430_notices_reach.js';
import * as m0042 from './migrations/20261208_0042_notices_read_counts.js';
import { noticesRoutes } from './notices.routes.js';
import { noticesJobs } from './notices.jobs.js';
import { noticesIndicators } from './notices.indicators.js';
import { noticesMessages } from './notices.messages.js';
import { noticesCommand } from './notices.cli.js';
import { seedNoticesDemo } from './notices.seed.js';

export const noticesModule = defineModule({
  name: 'notices',
  permissions: Object.values(NOTICE_PERMISSIONS),
  grants: NOTICE_GRANTS,
  messages: noticesMessages,
  migrations: {
    '20261206_1900_notices_chain': m1900,
    '20261207_0410_notices_source': m0410,
    '20261207_1430_notices_reach': m1430,
    '20261208_0042_notices_read_counts': m0042,
  },
  routes: noticesRoutes,
  jobs: noticesJobs,
  indicators: noticesIndicators,
  homeCards: [],
  commands: { notices: noticesCommand },
  seedDemo: seedNoticesDemo,
});

export { publishNotice, withdrawNoticesOf, verify as verifyNoticeChain } from './notices.service.js';
export { remindDue as remindNoticesDue } from './notices.jobs.js';

import { list, read } from './notices.service.js';
import { list as listQuestions } from './notices.questions.js';
import { canonical, entryHash, GENESIS } from './notices.chain.js';
import { stateOf, storedStates } from './notices.state.js';
/** What bench/notices times at scale, and the chain's pieces its data builder needs to write valid entries in bulk. */
export const benchNotices = { list, read, listQuestions, canonical, entryHash, GENESIS, stateOf, storedStates };
