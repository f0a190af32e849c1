/**
 * Contracts at scale L (issue #18: 2 000 contracts over 10 years in 24 mines and the group, 80 000 clauses,
 * 400 000 checkpoints; clause board and contract health p95 ≤ 20 ms, the inspection report for one contract
 * ≤ 500 ms), in process through the module's services (no HTTP), as the group's union chair: the contract list
 * (newest requests, the in-force set, one mine's drill), one contract's clause board (with its health), the
 * honoured-rate figure and its cuts by category and owner, the clause drill list, and one inspection report.
 *
 *   node --import tsx bench/contracts/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/contracts/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { benchContracts as B } from '../../server/modules/contracts/index.js';
import { buildContractsL, SCALE_L } from './data.js';
import { analyze, callAs, engine, machine, N, openBenchDatabase, time } from '../kit.js';

installHouse(house);

const { database, done } = await openBenchDatabase('contracts');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildContractsL(db, today);
  const contracts = (SCALE_L.mines + 1) * SCALE_L.contractsPerOrg;
  console.log(
    `engine ${engine}; scale L: ${contracts} contracts over 10 years in ${SCALE_L.mines} mines and the group, ${contracts * SCALE_L.clauses} clauses, ${contracts * SCALE_L.clauses * SCALE_L.checkpoints} checkpoints (${w.inForce.length} contracts in force), ${w.citations} appeals citing their clauses; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);

  const chair = await callAs(db, w.chairAccount);
  const page = { page: 1, pageSize: 20 };
  const one = (i: number) => w.inForce[i % w.inForce.length];
  const mine = (i: number) => w.mineIds[i % w.mineIds.length];
  const year = { scope: { all: false, paths: chair.actor.grants.map((g) => g.orgPath!) }, from: `${today.slice(0, 4)}-01-01`, to: today };

  await time('contract list, newest requests', N, () => B.listContracts(chair, { ...page, sort: 'requestDate', order: 'desc' }), 20);
  await time('contract list, in force today', N, () => B.listContracts(chair, { ...page, sort: 'endsOn', order: 'asc', set: 'inForce' }), 20);
  await time(
    "contract list, one mine's drill (orgId, in force)",
    N,
    (i) => B.listContracts(chair, { ...page, sort: 'endsOn', order: 'asc', set: 'inForce', orgId: mine(i) }),
    20,
  );
  await time('clause board with health, one contract', N, (i) => B.clauseBoard(chair, one(i)), 20);
  await time('honoured-rate figure (group, this year)', Math.min(N, 50), () => B.clausesHonoured(db, year), 200);
  await time('honoured-rate cuts by category and owner', Math.min(N, 50), () => B.clauseCuts(chair, { asOf: today }), 200);
  await time(
    'clause drill list (honoured at last check)',
    Math.min(N, 50),
    () => B.clauseList(chair, { ...page, sort: 'number', order: 'asc', asOf: today, lastStatus: 'honoured' }),
    20,
  );
  await time('inspection report, one contract', Math.min(N, 50), (i) => B.inspection(chair, one(i)), 500);
} finally {
  await done();
}
