/**
 * The campaign statistics at scale L (issue #20: 100 000 suggestions; ≤ 200 ms), the page and each of its
 * reads timed alone, with this process's CPU per call, then the same with the statistics' covering indexes
 * (migration 20261208_0041) dropped — the page as it was — in the same run on the same data, and put back.
 *
 *   node --import tsx bench/suggestions/statistics.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/suggestions/statistics.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import { sql } from 'kysely';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { campaignStatistics, cells, participants, participantsByUnit, workersByUnit, workersIn } from '../../server/modules/suggestions/index.js';
import { buildSuggestionsL, SCALE_L } from './data.js';
import { engine, openBenchDatabase, time, callAs, machine, analyze } from '../kit.js';

const N = Number(process.env.BENCH_N ?? 20);
/** The indexes migration 20261208_0041 adds for the statistics. */
const COVERING = ['suggestions_campaign_cells'];
installHouse(house);

/** Wall time as `time` prints it, then this process's CPU per call (warm-up included). */
async function timed(name: string, work: () => Promise<unknown>, limit?: number) {
  const c0 = process.cpuUsage();
  const r = await time(name, N, work, limit);
  const c = process.cpuUsage(c0);
  console.log(`${''.padEnd(52)} cpu ${((c.user + c.system) / 1000 / (N + 5)).toFixed(2).padStart(7)} ms/call (this process)`);
  return r;
}

const { database, done } = await openBenchDatabase('suggestions-statistics');
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const w = await buildSuggestionsL(db, shanghaiDate(new Date()));
  console.log(
    `engine ${engine}; scale L: ${SCALE_L.suggestions} suggestions, ${SCALE_L.workers} workers; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(machine());
  await analyze(db);
  const chair = await callAs(db, w.chairAccount);
  const campaign = w.campaignIds[1];
  const f = { campaignId: campaign };
  const len = w.teams[0].path.split('/').slice(0, -2).join('/').length + 1; // a mine's path: the group's children
  const parts = async (when: string) => {
    const page = await timed(`${when}: campaign statistics (month + 20 units)`, () => campaignStatistics(chair, campaign, {}), 200);
    await timed(`${when}:   cells (unit × month × status)`, () => cells(db, f, len));
    await timed(`${when}:   participants by unit and in all (one read)`, () => participantsByUnit(db, f, len));
    await timed(`${when}:   participants, whole campaign (the read it replaced)`, () => participants(db, f));
    await timed(`${when}:   workers by unit and in all (one read)`, () => workersByUnit(db, w.group.path, len));
    await timed(`${when}:   workers, whole group (the read it replaced)`, () => workersIn(db, [w.group.path]));
    return page;
  };
  const after = await parts('after');
  const same = JSON.stringify(await campaignStatistics(chair, campaign, {}));
  for (const ix of COVERING) await sql.raw(`drop index ${ix}`).execute(db);
  await analyze(db);
  const before = await parts('before (covering indexes dropped)');
  if (JSON.stringify(await campaignStatistics(chair, campaign, {})) !== same) throw new Error('the statistics differ without the indexes');
  console.log(
    `same statistics both ways: checked; after ÷ before (median) ${(after.median / before.median).toFixed(2)}, p95 ${(after.p95 / before.p95).toFixed(2)}`,
  );
} finally {
  await done();
}
