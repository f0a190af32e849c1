/**
 * The suggestion campaign at scale L (issue #20: 100 000 suggestions; lists p95 ≤ 20 ms), in
 * process through the module's own services (no HTTP): the union desk's list (newest, by status,
 * one team, a deep page), a worker's own, an evaluator's queue, a suggestion page, a campaign's
 * statistics, and the six registry indicators over a year for the whole group.
 *
 *   node --import tsx bench/suggestions/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/suggestions/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { suggestionsService } from '../../server/modules/suggestions/index.js';
import { campaignStatistics } from '../../server/modules/suggestions/index.js';
import { buildSuggestionsL, SCALE_L } from './data.js';
import { engine, N, openBenchDatabase, time, callAs, machine, analyze } from '../kit.js';

installHouse(house);

const { database, done } = await openBenchDatabase('suggestions');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildSuggestionsL(db, today);
  console.log(
    `engine ${engine}; scale L: ${SCALE_L.suggestions} suggestions, ${SCALE_L.workers} workers, ${SCALE_L.mines * SCALE_L.teamsPerMine} teams; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);

  const as = (accountId: string, personId: string | null = null) => callAs(db, accountId, personId);
  const chair = await as(w.chairAccount);
  const expert = await as(w.evaluatorAccounts[0]);
  const worker = await as(w.workerAccount.accountId, w.workerAccount.personId);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };

  await time('desk list, union chair, newest first', N, () => suggestionsService.list(chair, { ...page }), 20);
  await time('desk list, union chair, waiting for first review', N, () => suggestionsService.list(chair, { ...page, status: ['submitted'] }), 20);
  await time('desk list, union chair, one team', N, (i) => suggestionsService.list(chair, { ...page, orgId: w.teams[i % w.teams.length].id }), 20);
  await time(
    'desk list, union chair, one campaign, page 50',
    N,
    (i) => suggestionsService.list(chair, { ...page, page: 50, campaignId: w.campaignIds[i % w.campaignIds.length] }),
    20,
  );
  await time('evaluator queue (assigned, being evaluated)', N, () => suggestionsService.list(expert, { ...page, assigned: true, status: ['evaluating'] }), 20);
  await time('my suggestions, a worker', N, () => suggestionsService.list(worker, { ...page, mine: true }), 20);
  await time('suggestion page, union chair', N, (i) => suggestionsService.detail(chair, w.suggestionIds[(i * 7919) % w.suggestionIds.length]), 20);
  await time('campaign statistics (month + 20 units)', 20, (i) => campaignStatistics(chair, w.campaignIds[i % w.campaignIds.length], {}), 200);
  const q = { scope: { all: false, paths: [w.group.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = [
    'suggestions.per100Workers',
    'suggestions.participationRate',
    'suggestions.adoptionRate',
    'suggestions.implemented',
    'suggestions.benefit',
    'suggestions.rewardsPaid',
  ];
  await time('dashboard: six indicators, whole group, one year', 20, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
} finally {
  await done();
}
