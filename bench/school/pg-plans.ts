/**
 * The school dashboard's and the write's SQL on PostgreSQL: starts an embedded server, builds
 * the benchmark school (BENCH_SCALE, default S), and prints EXPLAIN ANALYZE of the statements
 * the dashboard and the week-count refresh run, so the plans can be compared with SQLite's.
 * `node --import tsx bench/school/pg-plans.ts [S|M|L]`
 */
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { CLASSES_PER_GRADE, generateSchoolData } from './data.js';

const scale = (process.argv[2] ?? 'S').toUpperCase();
const server = await startPostgres();
try {
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query('create database xq_plans');
  await admin.end();
  const database = await openDatabase({ url: `${server.url}/xq_plans` });
  const db = database.db;
  await migrateToLatest(db, house.migrations);
  const t = Date.now();
  const data = await generateSchoolData(db, new Date(), CLASSES_PER_GRADE[scale]);
  await sql`analyze`.execute(db);
  console.log(`PostgreSQL, scale ${scale}: ${data.students} students, ${data.notes} pages, generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);

  const ids = sql.join(data.classes.map((c) => sql.val(c)));
  const recent = sql.join([data.weeks.at(-3)!, data.weeks.at(-2)!].map((w) => sql.val(w)));
  const plans: [string, ReturnType<typeof sql>][] = [
    [
      'roster and no-exchange count (one grouped query)',
      sql`select p.org_id, count(*) as students,
            sum(case when p.id in (select n.student_id from heart_bridge_notes as n where n.week in (${recent})
              and n.school_written_at is not null and n.home_written_at is not null) then 0 else 1 end) as silent
          from persons as p where p.org_id in (${ids}) and (p.kind || '') = 'student' and p.archived + 0 = 0 group by p.org_id`,
    ],
    [
      'weekly counts of the term',
      sql`select class_id, week, school_sides, home_sides, two_way, school_read, home_read from heart_bridge_week_stats
          where class_id in (${ids}) and week >= ${data.weeks.at(-20)!} and week <= ${data.weeks.at(-1)!}`,
    ],
    [
      'one class-week recount (in every write that changes a count)',
      sql`select coalesce(sum(case when school_written_at is not null then 1 else 0 end), 0) from heart_bridge_notes
          where class_id = ${data.classes[0]} and week = ${data.currentWeek}`,
    ],
  ];
  for (const [label, q] of plans) {
    const rows = (await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${q}`.execute(db)).rows;
    console.log(`\n--- ${label}`);
    for (const r of rows) console.log(r['QUERY PLAN']);
  }
  await database.close();
} finally {
  await server.dispose();
}
