/**
 * 职工诉求 Appeals (DOMAIN.md practices 1 and 2): workers' appeals with deadlines in
 * working days, supervision, anonymous authorship, ratings and reopening, and the
 * group-dispute early warning. The only import surface of the module.
 */
import { APPEAL_GRANTS, APPEAL_PERMISSIONS } from '../../../common/appeals.js';
import { defineModule } from '../module.js';
import { appealsIndicators } from './appeals.indicators.js';
import * as m0001 from './migrations/20261125_0001_appeals.js';
import * as m0002 from './migrations/20261125_2000_appeals_scale.js';
import * as m0003 from './migrations/20261126_0900_appeal_cells.js';
import * as m0004 from './migrations/20261127_0900_appeals_write_path.js';
import * as m0005 from './migrations/20261206_1200_appeals_anonymous_placement.js';
import * as m0006 from './migrations/20261206_2200_appeals_citations.js';
import * as m0007 from './migrations/20261206_2300_appeals_org_path.js';
import * as m0008 from './migrations/20261207_0430_appeals_attribution.js';
import * as m0009 from './migrations/20261207_0500_appeals_search_order.js';
import * as m0010 from './migrations/20261207_0900_appeals_cells_closure.js';
import * as m0011 from './migrations/20261207_1210_appeals_answer_late.js';
import * as m0012 from './migrations/20261208_1101_appeals_files.js';
import * as m0013 from './migrations/20261208_1151_appeals_events_to_core.js';
import { appealsRoutes } from './appeals.routes.js';
import { jobs } from './appeals.jobs.js';
import { seedDemo } from './appeals.seed.js';
import { appealsMessages } from './appeals.messages.js';
import { appealNotableCases } from './appeals.notable.js';
import { appealsRobotEvents } from './appeals.robotEvents.js';

export const appealsModule = defineModule({
  name: 'appeals',
  permissions: Object.values(APPEAL_PERMISSIONS),
  grants: APPEAL_GRANTS,
  messages: appealsMessages,
  migrations: {
    '20261125_0001_appeals': m0001,
    '20261125_2000_appeals_scale': m0002,
    '20261126_0900_appeal_cells': m0003,
    '20261127_0900_appeals_write_path': m0004,
    '20261206_1200_appeals_anonymous_placement': m0005,
    '20261206_2200_appeals_citations': m0006,
    '20261206_2300_appeals_org_path': m0007,
    '20261207_0430_appeals_attribution': m0008,
    '20261207_0500_appeals_search_order': m0009,
    '20261207_0900_appeals_cells_closure': m0010,
    '20261207_1210_appeals_answer_late': m0011,
    '20261208_1101_appeals_files': m0012,
    '20261208_1151_appeals_events_to_core': m0013,
  },
  routes: appealsRoutes,
  jobs,
  indicators: appealsIndicators,
  homeCards: [],
  notableCases: appealNotableCases,
  robotEvents: appealsRobotEvents,
  seedDemo,
});

// For the work report and other modules: the indicators, one function each.
export * as appealIndicators from './appeals.indicators.js';
export { sweepDeadlines } from './appeals.jobs.js';
// For bench/appeals (and policies' 政策解读 prompt, which groups questions by the same rule): the similarity method and the intake check exactly as intake runs them,
// and what the bulk loader needs to write appeals and their cells without the service.
export {
  signatureOf,
  similarity,
  sharedKeywords,
  encodeSignature,
  issueKeys,
  prepare,
  listRank,
  lexiconScore,
  sameComplaint,
  GRAM_MATCH,
  GRAM,
  gramTokens,
  gramCosine,
  type Prepared,
} from '../../core/similarity/index.js';
export { decideGroup, decideWithReads, type GroupCandidate } from './groupAlert.decide.js';
export { READ_MAX, READ_PER_KEY } from './groupAlert.repository.js';
export { checkIntake } from './groupAlert.intake.js';
export { acceptWorkTenths } from './appeals.indicators.js';
export type { AppealTable } from './appeals.tables.js';
export { REBUILD_STATEMENTS, TRIGGERS, triggerStatements } from './migrations/20261207_1210_appeals_answer_late.js';
// For mediation: the appeal a dispute is referred from (its link is shown on the case).
export { appealForReferral, recordMediationReferral } from './appeals.referral.js';
// For meetings: an appeal put on an agenda by its code, and the meeting's outcome on its timeline.
export { appealForAgenda, appealsOnAgenda, recordMeetingOutcome } from './appeals.meetings.js';
// For honours: the arrears appeals and confirmed group alerts of a unit (its disqualifier check).
export { arrearsAppealsIn, confirmedGroupAlertsIn } from './appeals.arrears.js';
// For hardship: the worker's own named appeals about wages or medical costs (never an anonymous one).
export { namedAppealsOf } from './appeals.crossCheck.js';
// For contracts: the standing group alerts whose member appeals cite a clause (a clause they touch is at risk).
export { groupAlertsOfAppeals } from './appeals.alertsOf.js';
// For bench/workReport/before.ts: the inbox's staff condition, as session 15's snapshot records read it once per drill filter (the baseline timed in the same run).
export { listPart, type Eb as AppealsEb, type RepoFilter as AppealsRepoFilter } from './appeals.visibility.js';
