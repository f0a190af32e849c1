/**
 * The workers' congress (congress, 职工代表大会), DOMAIN.md practice 5: terms (届) and sessions
 * (次), the representatives' roster checked against the proportions the rules set, attendance
 * and the two-thirds quorum. Other modules import only this file.
 */
import { CONGRESS_GRANTS, CONGRESS_PERMISSIONS } from '../../../common/congress.js';
import { defineModule } from '../module.js';
import { congressNotableCases } from './congress.notable.js';
import * as m1500 from './migrations/20261206_1500_congress_roster.js';
import * as m1510 from './migrations/20261206_1510_congress_proposals.js';
import * as m1840 from './migrations/20261206_1840_congress_votes.js';
import * as m2205 from './migrations/20261206_2205_congress_vote_department.js';
import * as m0000 from './migrations/20261208_0000_congress_participation_index.js';
import * as m0001 from './migrations/20261208_0001_congress_adopted_index.js';
import { congressMessages } from './congress.messages.js';
import { congressRoutes } from './congress.routes.js';
import { congressIndicators } from './congress.indicators.js';
import { seedCongressDemo } from './congress.seed.js';

export const congressModule = defineModule({
  name: 'congress',
  permissions: Object.values(CONGRESS_PERMISSIONS),
  grants: CONGRESS_GRANTS,
  messages: congressMessages,
  migrations: {
    '20261206_1500_congress_roster': m1500,
    '20261206_1510_congress_proposals': m1510,
    '20261206_1840_congress_votes': m1840,
    '20261206_2205_congress_vote_department': m2205,
    '20261208_0000_congress_participation_index': m0000,
    '20261208_0001_congress_adopted_index': m0001,
  },
  routes: congressRoutes,
  jobs: [],
  indicators: congressIndicators,
  notableCases: congressNotableCases,
  homeCards: [],
  seedDemo: seedCongressDemo,
  robotEvents: {
    label: { zh: '职代会', en: 'Workers’ congress' },
    events: [{ key: 'congress.proposalAssigned', label: { zh: '职代会提案已交办', en: 'Congress proposal assigned' } }],
  },
});

export { attendanceRate } from './congress.indicators.js';
/** The participation read, for the scale benchmark's same-run comparison with its frozen predecessor (bench/congress/before.ts). */
export { participationRows } from './congress.cuts.js';
export { checkRoster } from './congress.roster.js';
export { openSubjectVote, voteResultOf } from './congress.votes.service.js';
/** The services themselves, for the scale benchmark (bench/congress) that calls them in process. */
export * as congressProposals from './congress.proposals.service.js';
export * as congressVotes from './congress.votes.service.js';
// For meetings: an adopted proposal taken up on a meeting's agenda, and the link back on its timeline.
export { proposalChoices, proposalForAgenda, proposalsOnAgenda, recordProposalOnAgenda } from './congress.agenda.js';
// For honours: whether a workers' congress term covers a unit (its disqualifier check).
export { termsCovering } from './congress.covering.js';
