/**
 * Every module's scale builder (bench/<module>/data.ts) at a small scale S, each into a fresh
 * database of its own, with the rows it wrote per table: the check that a change to bench/world.ts,
 * to a builder or to a table left every builder building — without the hours scale L takes.
 *
 *   node --import tsx bench/builders.ts                        # SQLite (temp files)
 *   BENCH_ENGINE=postgres node --import tsx bench/builders.ts  # embedded PostgreSQL
 *   node --import tsx bench/builders.ts mediation surveys      # only these
 *
 * The builders are deterministic but for ids and times, so the counts are the same on every run
 * and engine; a builder that throws fails the run (exit code 1).
 */
import { sql } from 'kysely';
import { shanghaiDate } from '../server/core/calendar/calendar.js';
import type { Db } from '../server/core/db/database.js';
import { migrateToLatest } from '../server/core/db/migrate.js';
import { installHouse } from '../server/modules/compose.js';
import { house } from '../server/modules/registry.js';
import { buildCongressL } from './congress/data.js';
import { buildContractsL } from './contracts/data.js';
import { buildHardshipL } from './hardship/data.js';
import { engine, machine, openBenchDatabase } from './kit.js';
import { buildLessonsL } from './lessonLogs/data.js';
import { buildMeetingsData } from './meetings/data.js';
import { buildMediationL } from './mediation/data.js';
import { buildSuggestionsL } from './suggestions/data.js';
import { buildSurveysL } from './surveys/data.js';
import { buildGrowthL } from './teacherGrowth/data.js';

/** Scale S of each builder: every kind of row, a few of each. */
const BUILDERS: Record<string, (db: Db, today: string) => Promise<unknown>> = {
  congress: (db, today) => buildCongressL(db, today, { terms: 2, sessionsPerTerm: 2, representatives: 20, proposalsPerSession: 15 }),
  contracts: (db, today) => buildContractsL(db, today, { mines: 2, contractsPerOrg: 6, clauses: 5, checkpoints: 3 }),
  hardship: (db, today) => buildHardshipL(db, today, { mines: 2, teamsPerMine: 3, files: 200, assistance: 600 }),
  lessonLogs: (db, today) =>
    buildLessonsL(db, today, 10, { tallyDays: 3, tallySeconds: Infinity }, { grades: 2, classesPerGrade: 3, students: 10, teachers: 12, periods: 7 }),
  meetings: (db, today) => buildMeetingsData(db, { mines: 2, owners: 10, series: 4, meetingsPerSeries: 5, itemsPerMeeting: 4 }, today),
  mediation: (db, today) => buildMediationL(db, today, { mines: 2, teamsPerMine: 3, workers: 200, mediators: 2, cases: 300 }),
  suggestions: (db, today) => buildSuggestionsL(db, today, { mines: 2, teamsPerMine: 3, workers: 300, evaluators: 3, campaigns: 2, suggestions: 400 }),
  surveys: (db, today) => buildSurveysL(db, today, { mines: 2, teamsPerMine: 3, workers: 300, surveys: 5, problems: 40 }),
  teacherGrowth: (db, today) => buildGrowthL(db, today, { teachers: 40, evidencePerTeacher: 5, promotions: 10, activities: 6 }),
};

/** Rows per non-empty table, but the migrations' bookkeeping, the calendar and full-text indexes. */
async function counts(db: Db): Promise<string> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !/^kysely_|^xq_migration|^calendar|_fts_/.test(n));
  const out: string[] = [];
  for (const name of tables.sort()) {
    const { n } = (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!;
    if (Number(n) > 0) out.push(`${name} ${n}`);
  }
  return out.join(', ');
}

installHouse(house);
const only = process.argv.slice(2);
const unknown = only.filter((m) => !(m in BUILDERS));
if (unknown.length) throw new Error(`unknown builder(s): ${unknown.join(', ')}; known: ${Object.keys(BUILDERS).join(', ')}`);
console.log(`engine ${engine}; ${machine()}`);
let failed = 0;
for (const [name, build] of Object.entries(BUILDERS)) {
  if (only.length && !only.includes(name)) continue;
  const { database, done } = await openBenchDatabase(`builder-${name}`);
  try {
    await migrateToLatest(database.db, house.migrations);
    const t0 = performance.now();
    await build(database.db, shanghaiDate(new Date()));
    console.log(`${name.padEnd(14)} built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${await counts(database.db)}`);
  } catch (e) {
    failed++;
    console.log(`${name.padEnd(14)} FAILED: ${(e as Error).stack ?? e}`);
  } finally {
    await done();
  }
}
process.exitCode = failed ? 1 : 0;
