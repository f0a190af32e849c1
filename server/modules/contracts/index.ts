/**
 * Collective contracts and wage agreements (contracts), DOMAIN.md practice 4: bargaining
 * request → negotiation → versioned draft → vote → signing → filing → effect → publication,
 * then clause-by-clause monitoring with checkpoints, evidence and the appeals citing a clause.
 * Other modules import only this file.
 */
import { CONTRACTS_GRANTS, CONTRACTS_PERMISSIONS } from '../../../common/contracts.js';
import { defineModule } from '../module.js';
import * as m1900 from './migrations/20261206_1900_contracts_core.js';
import * as m2200 from './migrations/20261206_2200_contracts_wages.js';
import * as m1220 from './migrations/20261207_1220_contracts_preparation.js';
import * as m1221 from './migrations/20261207_1221_contracts_clause_last_status.js';
import { contractsIndicators } from './contracts.indicators.js';
import { contractsJobs } from './contracts.jobs.js';
import { contractsMessages } from './contracts.messages.js';
import { contractsRoutes } from './contracts.routes.js';
import { seedContractsDemo } from './contracts.seed.js';

export const contractsModule = defineModule({
  name: 'contracts',
  permissions: Object.values(CONTRACTS_PERMISSIONS),
  grants: CONTRACTS_GRANTS,
  messages: contractsMessages,
  migrations: {
    '20261206_1900_contracts_core': m1900,
    '20261206_2200_contracts_wages': m2200,
    '20261207_1220_contracts_preparation': m1220,
    '20261207_1221_contracts_clause_last_status': m1221,
  },
  routes: contractsRoutes,
  jobs: contractsJobs,
  indicators: contractsIndicators,
  seedDemo: seedContractsDemo,
  robotEvents: {
    label: { zh: '集体合同', en: 'Collective contracts' },
    events: [{ key: 'contracts.clock', label: { zh: '协商、报送或续订期限将到', en: 'Bargaining, filing or renewal deadline near' } }],
  },
  homeCards: [
    {
      key: 'contracts.contracts',
      roles: ['unionChair', 'unionStaff'],
      title: { zh: '集体合同', en: 'Collective contracts' },
      path: '/contracts',
      indicator: 'contracts.clausesHonoured',
    },
  ],
});

export { legalDeadline, termEnd } from './contracts.clocks.js';
export { sweepContractClocks } from './contracts.jobs.js';
export { collectiveContractsCovering } from './contracts.covering.js';

import { list as listContracts } from './contracts.queries.js';
import { board as clauseBoard } from './contracts.monitor.js';
import { clauseCuts, clauseList } from './contracts.cuts.js';
import { inspection } from './contracts.inspection.js';
import { clausesHonoured } from './contracts.indicators.js';
/** The reads the scale benchmark (bench/contracts) times in process. */
export const benchContracts = { listContracts, clauseBoard, clauseCuts, clauseList, inspection, clausesHonoured };
export { refreshLastStatus } from './contracts.monitor.js';
