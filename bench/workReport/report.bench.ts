/**
 * The work report at scale (issue #22: "for the group at scale L it finishes in ≤ 10 s"):
 * the time to generate the group's year report — every registered indicator for this year
 * and the year before, frozen into the snapshot — and the school's, and the group's
 * cross-practice dashboard (each indicator for the period, the previous one and twelve
 * months of trend), over the appeals data set (bench/appeals/data.ts: L = 1 000 000
 * appeals over three years on the 10 000-org tree) plus the benchmark school
 * (bench/school/data.ts: L = 150 classes a grade).
 *
 *   npx tsx bench/workReport/report.bench.ts [--scale S|M|L] [--runs 3] [--engine sqlite|postgres|both] [--keep] [--db <dir>] [--classes N]
 *
 * `--db <dir>` (a directory under /tmp): the prepared data is kept there and reused by the next run —
 * `work.sqlite` (appeals and the school's records) and, for PostgreSQL, a server whose data directory
 * (`pg/`) outlives the run with the same rows copied into database `report` once (then VACUUM
 * ANALYZE, as a running server's autovacuum leaves it). Building L under load takes most of an hour;
 * a run on the kept data takes minutes. Delete the directory when done.
 *
 * Both engines by default: the data set is built as a SQLite file (the school's records
 * included), timed there, then copied table by table into an embedded PostgreSQL of the run's
 * own (bench/lists/copy.ts, server-side COPY) and timed again over the same rows. Prints one
 * JSON object; writes nothing to bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { installHouse } from '../../server/modules/compose.js';
import { house } from '../../server/modules/registry.js';
import { newId } from '../../server/core/ids.js';
import { generateWorkReport, snapshotFigures, storedBytes } from '../../server/modules/workReport/index.js';
import { benchAccount, generateFile, SCALES, type Scale } from '../generate.js';
import { appealsDataFile } from '../appeals/data.js';
import { CLASSES_PER_GRADE, generateSchoolData } from '../school/data.js';
import { copySqliteToPostgres } from '../lists/copy.js';
import type { Db } from '../../server/core/db/database.js';
import { sql } from 'kysely';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import type { Figure } from '../../common/figure.js';
import { appealRecordsBefore } from './before.js';
import { cpuSplitMs, engine as benchEngine, explainCall, findServer, startKeptPostgres } from '../kit.js';
import { byModuleForBench, recordsProfile } from './profile.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const SCALE = arg('scale', 'L').toUpperCase() as Scale;
const RUNS = Number(arg('runs', '3'));
const ENGINE = arg('engine', 'both');
if (!['sqlite', 'postgres', 'both'].includes(ENGINE)) throw new Error('engine must be sqlite, postgres or both');
if (!SCALES.includes(SCALE)) throw new Error(`scale must be one of ${SCALES.join(', ')}`);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** Classes per grade of the benchmark school (default: the scale's; `--classes 10` keeps an L appeals run's school small). */
const CLASSES = Number(arg('classes', String(CLASSES_PER_GRADE[SCALE])));
const KEPT = args.includes('--db') ? path.resolve(arg('db', '')) : null;
/** The benchmark school's name (bench/school/data.ts): a kept file finds its school by it. */
const SCHOOL_NAME = '心桥基准中学';

/** The appeals data set plus the school's records, as one SQLite file: built, or (--db) the kept one. */
async function prepare(): Promise<{ file: string; data: { appeals: number; students: number; notes: number }; prepareSeconds: number }> {
  const t0 = Date.now();
  const keptFile = KEPT && path.join(KEPT, 'work.sqlite');
  const keptMeta = KEPT && path.join(KEPT, 'work.json');
  if (keptFile && keptMeta && fs.existsSync(keptFile) && fs.existsSync(keptMeta)) {
    const meta = JSON.parse(fs.readFileSync(keptMeta, 'utf8'));
    if (meta.scale !== SCALE) throw new Error(`--db ${KEPT} holds scale ${meta.scale}, not ${SCALE}`);
    const database = await openDatabase({ url: keptFile });
    installHouse(house);
    await migrateToLatest(database.db, house.migrations);
    await database.close();
    return { file: keptFile, data: meta.data, prepareSeconds: 0 };
  }
  const base = path.join(ROOT, 'bench/.data', `${SCALE}.sqlite`);
  if (!fs.existsSync(base)) {
    // As bench/run.ts builds it: the appeals data set hangs its staff and submitters off bench.staff.
    const { database, generated } = await generateFile(base, SCALE);
    await benchAccount(database.db, 'bench.staff', 'bench-Passw0rd', 'unionStaff', generated.groups[0]);
    await database.close();
  }
  const { file: runFile, data } = await appealsDataFile(SCALE, base);
  const database = await openDatabase({ url: runFile });
  installHouse(house);
  await migrateToLatest(database.db, house.migrations);
  const school = await generateSchoolData(database.db, new Date(), CLASSES);
  // The school's records are written to the SQLite file first, so PostgreSQL gets the same rows.
  await database.close();
  const out = { appeals: data.appeals, students: school.students, notes: school.notes };
  if (!keptFile || !keptMeta) return { file: runFile, data: out, prepareSeconds: Math.round((Date.now() - t0) / 1000) };
  fs.mkdirSync(KEPT!, { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(runFile + suffix, { force: true });
  fs.renameSync(runFile, keptFile);
  fs.writeFileSync(keptMeta, JSON.stringify({ scale: SCALE, data: { ...out, classesPerGrade: CLASSES } }));
  return { file: keptFile, data: out, prepareSeconds: Math.round((Date.now() - t0) / 1000) };
}

/** An embedded PostgreSQL holding the same rows: a fresh one, or (--db) the kept one, loaded once. */
async function postgresOf(file: string): Promise<{ url: string; loadSeconds: number; dispose: () => Promise<void> }> {
  const t1 = Date.now();
  if (!KEPT) {
    const { startPostgres } = await import('../../test/pg-global-setup.js');
    const server = await startPostgres();
    const pg = await openDatabase({ url: `${server.url}/postgres` });
    try {
      await migrateToLatest(pg.db, house.migrations);
      await copySqliteToPostgres(file, pg.db, (s) => console.error(s));
    } finally {
      await pg.close();
    }
    return { url: `${server.url}/postgres`, loadSeconds: Math.round((Date.now() - t1) / 1000), dispose: () => server.dispose() };
  }
  const server = await startKeptPostgres(path.join(KEPT, 'pg'));
  const base = server.url;
  const loaded = path.join(KEPT, 'pg.loaded');
  if (!fs.existsSync(loaded)) {
    const admin = await openDatabase({ url: `${base}/postgres` });
    await sql`drop database if exists report`.execute(admin.db);
    await sql`create database report`.execute(admin.db);
    await admin.close();
    const pg = await openDatabase({ url: `${base}/report` });
    try {
      await migrateToLatest(pg.db, house.migrations);
      await copySqliteToPostgres(file, pg.db, (s) => console.error(s));
    } finally {
      await pg.close();
    }
    fs.writeFileSync(loaded, new Date().toISOString());
  } else {
    const pg = await openDatabase({ url: `${base}/report` });
    await migrateToLatest(pg.db, house.migrations);
    await pg.close();
  }
  return { url: `${base}/report`, loadSeconds: Math.round((Date.now() - t1) / 1000), dispose: () => server.stop() };
}

async function main() {
  const { file, data, prepareSeconds } = await prepare();

  const measure = async (db: Db, on: 'sqlite' | 'postgres') => {
    const group = await db.selectFrom('orgs').select(['id', 'name', 'path']).where('kind', '=', 'group').orderBy('path').executeTakeFirstOrThrow();
    const schoolOrg = await db
      .selectFrom('orgs')
      .select(['id', 'name', 'path'])
      .where('kind', '=', 'school')
      .where('name', '=', SCHOOL_NAME)
      .executeTakeFirstOrThrow();
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

    const timeReport = async (org: { id: string; name: string; path: string }) => {
      const times: number[] = [];
      const cpu: { node: number; server: number }[] = [];
      let figures = 0;
      let figuresBytes = 0;
      let records = { modules: 0, records: 0, bytes: 0 };
      for (let i = 0; i < RUNS; i++) {
        const id = newId();
        const iso = new Date().toISOString();
        await db
          .insertInto('work_reports' as any)
          .values({
            id,
            org_id: org.id,
            org_path: org.path,
            kind: 'year',
            from_date: `${year}-01-01`,
            to_date: `${year}-12-31`,
            title: `${org.name}${year}`,
            status: 'queued',
            progress: 0,
            version: 0,
            figures: null,
            narrative: '{"summary":"","sections":{},"plan":""}',
            created_by: null,
            created_by_name: null,
            created_at: iso,
            updated_at: iso,
            generated_at: null,
          })
          .execute();
        const s = performance.now();
        const c0 = cpuSplitMs();
        await generateWorkReport(db, id);
        times.push(Math.round(performance.now() - s));
        const c1 = cpuSplitMs();
        cpu.push({ node: Math.round(c1.node - c0.node), server: Math.round(c1.server - c0.server) });
        const row = (await db
          .selectFrom('work_reports' as any)
          .select(['figures', 'status'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()) as { figures: string; status: string };
        if (row.status !== 'draft') throw new Error(`report ${id} ended ${row.status}`);
        figures = JSON.parse(row.figures).length;
        figuresBytes = row.figures.length;
        // What the snapshot keeps of which records were counted (ids once per practice, a bitmap per figure part).
        records = await storedBytes(db, id);
      }
      // One more count, timed practice by practice (this year and the year before, as the report counts them).
      const perModuleMs: Record<string, number> = {};
      let last = performance.now();
      await snapshotFigures(db, org, `${year}-01-01`, `${year}-12-31`, async (_done, _of, module) => {
        const now = performance.now();
        perModuleMs[module] = Math.round(now - last);
        last = now;
      });
      // The appeal figures' records, session 15's way (a list read per drill filter set) against one read of the period
      // sorted by each figure's own count, on the same rows in the same run: wall and CPU milliseconds.
      const snap = JSON.parse(
        (
          (await db
            .selectFrom('work_reports' as any)
            .select('figures')
            .orderBy('created_at', 'desc')
            .where('org_id', '=', org.id)
            .executeTakeFirstOrThrow()) as { figures: string }
        ).figures,
      ) as (Figure & { key: string; module: string })[];
      const appealFigures = snap.filter((f) => f.module === 'appeals');
      const [from, to] = [`${year}-01-01`, `${year}-12-31`];
      // CPU split: this Node process and the PostgreSQL server's processes (0 on SQLite); wall at a load of 20+ is mostly waiting.
      const timed = async <T>(run: () => Promise<T>) => {
        const c = cpuSplitMs();
        const w = performance.now();
        const result = await run();
        const c1 = cpuSplitMs();
        return { result, wallMs: Math.round(performance.now() - w), nodeMs: Math.round(c1.node - c.node), serverMs: Math.round(c1.server - c.server) };
      };
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const before = await timed(() => appealRecordsBefore(db, org.path, from, to, today, appealFigures));
      const appealIds = async (db: Db) => {
        const q = { scope: { all: false, paths: [org.path] }, from, to, reads: new Map(), asOf: new Date() };
        let ids = 0;
        for (const f of appealFigures) {
          const r = await indicator(f.key)!.records!(db, q, f);
          ids += r ? r.numerator.length + r.denominator.length : 0;
        }
        return { ids };
      };
      const after = await timed(() => appealIds(db));
      // BENCH_PLANS=1: every statement the appeal records run, with its plan (one read of the period, not one per figure).
      // (bench/kit.ts explains for the engine BENCH_ENGINE names: BENCH_ENGINE=postgres for PostgreSQL's plans.)
      if (process.env.BENCH_PLANS && on === benchEngine) await explainCall(db, `appeal records of ${org.name}`, appealIds);
      const appealRecords = {
        figures: appealFigures.length,
        before: { reads: before.result.reads, wallMs: before.wallMs, nodeMs: before.nodeMs, serverMs: before.serverMs },
        after: { reads: 1, wallMs: after.wallMs, nodeMs: after.nodeMs, serverMs: after.serverMs, ids: after.result.ids },
      };
      return {
        figures,
        figuresBytes,
        records,
        appealRecords,
        ms: times,
        medianMs: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)],
        // CPU of each generation: this Node process and the PostgreSQL server's processes (0 on SQLite).
        cpuMs: cpu,
        perModuleMs,
        // Each practice's figures (both periods) and its records, timed apart: wall and CPU (node | server).
        perModule: await recordsProfile(db, org, `${year}-01-01`, `${year}-12-31`, byModuleForBench()),
      };
    };

    const loadAvg = () => os.loadavg().map((x) => Math.round(x * 10) / 10);
    const loadBefore = loadAvg();
    return { loadBefore, groupYearReport: await timeReport(group), schoolYearReport: await timeReport(schoolOrg), loadAfter: loadAvg() };
  };

  const engines: Record<string, unknown> = {};
  if (ENGINE !== 'postgres') {
    const sqlite = await openDatabase({ url: file });
    try {
      engines.sqlite = await measure(sqlite.db, 'sqlite');
    } finally {
      await sqlite.close();
    }
  }
  if (ENGINE !== 'sqlite') {
    const server = await postgresOf(file);
    try {
      const pg = await openDatabase({ url: server.url });
      try {
        // PostgreSQL plans from fresh statistics and a set visibility map (bench/kit.ts `analyze`).
        await sql`vacuum (analyze)`.execute(pg.db);
        await findServer(pg.db);
        engines.postgres = { loadSeconds: server.loadSeconds, ...(await measure(pg.db, 'postgres')) };
      } finally {
        await pg.close();
      }
    } finally {
      await server.dispose();
    }
  }
  const out = {
    scale: SCALE,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    data: { ...data, prepareSeconds },
    ...engines,
  };
  // --keep leaves the working copy (school records included) for profiling a practice's figures; --db keeps it anyway.
  if (!KEPT && !args.includes('--keep')) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  console.log(JSON.stringify(out, null, 2));
}

await main();
