/**
 * How long the group-alert check of one intake takes with many appeals in the window.
 *
 *   npx tsx bench/appeals/intake.bench.ts                       # SQLite, 100 000 appeals, 20 units
 *   npx tsx bench/appeals/intake.bench.ts --engine postgres     # embedded PostgreSQL
 *   npx tsx bench/appeals/intake.bench.ts --units 2             # the demo's two mines: hot buckets
 *   npx tsx bench/appeals/intake.bench.ts --surge 10000         # + a mass dispute: 10 000 near-identical
 *                                                               #   appeals of unit 1 this week, one open alert
 *   npx tsx bench/appeals/intake.bench.ts --baseline /tmp/old   # before/after in one run: rounds alternate this
 *                                                               #   checkIntake() and the one of a checkout at /tmp/old
 *                                                               #   (same database, same texts, same load)
 *   npx tsx bench/appeals/intake.bench.ts --profile check.cpuprofile  # a CPU profile of the checks alone
 *   npx tsx bench/appeals/intake.bench.ts --db /tmp/xq-intake   # load once (~150 s at 100 000), reuse after: each run
 *                                                               #   checks a fresh copy of the loaded database (SQLite: a
 *                                                               #   file copy; PostgreSQL: a kept server, CREATE DATABASE
 *                                                               #   … TEMPLATE), with the load's clock and random state
 *
 * It loads N appeals (with their signatures) submitted inside the last 30 days across U
 * units, categories weighted as in the demo, texts drawn from the evaluation set, then
 * times checkIntake() — bucket lock, candidate read, scoring, decision, signature insert —
 * for R new appeals, each in its own transaction as at intake. Prints p50 / p95 / max.
 * Each round also times a bare insert of one appeal row in its own transaction, so the
 * intake's rate (appeal row + check, one transaction) is given as a share of the bare
 * insert's in the same run (issue #16: ≥ 30 % in a surge).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { newId } from '../../server/core/ids.js';
import { checkIntake, encodeSignature, issueKeys, signatureOf, type AppealTable } from '../../server/modules/appeals/index.js';
import { loadSet, type EvalAppeal } from './eval.js';
import { startKeptPostgres } from '../kit.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const ENGINE = arg('engine', 'sqlite');
const N = Number(arg('n', '100000'));
const UNITS = Number(arg('units', '20'));
const RUNS = Number(arg('runs', '200'));
const SURGE = Number(arg('surge', '0'));
const BASELINE = arg('baseline', '');
const PROFILE = arg('profile', '');
/** Where loaded databases are kept between runs (one per engine × N × units × surge); empty: a throw-away one. */
const KEEP = arg('db', '');
const CATEGORIES: [string, number][] = [
  ['wages', 28],
  ['benefits', 20],
  ['housing', 12],
  ['medical', 12],
  ['childrenEmployment', 5],
  ['antiCorruption', 5],
  ['fairness', 10],
  ['other', 8],
];

let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pickCategory = () => {
  let r = rnd() * 100;
  for (const [c, w] of CATEGORIES) if ((r -= w) < 0) return c;
  return 'other';
};

/** What a run needs from the load; kept beside a reused database. */
interface Loaded {
  now: string;
  units: string[];
  seed: number;
}

interface Opened {
  database: Database;
  /** Set when the database already holds the load (--db, second run on). */
  loaded: Loaded | null;
  /** Marks the load done (--db: keeps it for the next run) and returns the database the checks run on. */
  keep: (l: Loaded) => Promise<Database>;
  stop: () => Promise<void>;
}

const keptDir = () => path.resolve(KEEP, `${ENGINE}-n${N}-u${UNITS}-s${SURGE}`);
const readLoaded = (dir: string): Loaded | null =>
  fs.existsSync(path.join(dir, 'loaded.json')) ? JSON.parse(fs.readFileSync(path.join(dir, 'loaded.json'), 'utf8')) : null;

async function open(): Promise<Opened> {
  if (ENGINE === 'postgres') {
    if (!KEEP) {
      const { startPostgres } = await import('../../test/pg-global-setup.js');
      const pg = await startPostgres();
      const database = await openDatabase({ url: `${pg.url}/postgres` });
      return { database, loaded: null, keep: async () => database, stop: async () => (await database.close(), await pg.dispose()) };
    }
    return openKeptPostgres();
  }
  if (!KEEP) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-'));
    const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
    return { database, loaded: null, keep: async () => database, stop: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const dir = keptDir();
  fs.mkdirSync(dir, { recursive: true });
  const loadedFile = path.join(dir, 'loaded.sqlite');
  const runFile = path.join(dir, 'run.sqlite');
  let current: Database | null = null;
  const copyAndOpen = async () => {
    for (const f of [runFile, `${runFile}-wal`, `${runFile}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(loadedFile, runFile);
    return (current = await openDatabase({ url: runFile }));
  };
  const loaded = readLoaded(dir);
  if (loaded) return { database: await copyAndOpen(), loaded, keep: async () => current!, stop: async () => current!.close() };
  for (const f of [loadedFile, `${loadedFile}-wal`, `${loadedFile}-shm`]) fs.rmSync(f, { force: true });
  current = await openDatabase({ url: loadedFile });
  return {
    database: current,
    loaded: null,
    keep: async (l) => {
      await current!.close();
      fs.writeFileSync(path.join(dir, 'loaded.json'), JSON.stringify(l));
      return copyAndOpen();
    },
    stop: async () => current!.close(),
  };
}

/** --db on PostgreSQL: a server whose data directory outlives the run; the load is database `loaded`, each run's a copy. */
async function openKeptPostgres(): Promise<Opened> {
  const dir = keptDir();
  const server = await startKeptPostgres(path.join(dir, 'data'));
  const url = server.url;
  const admin = await openDatabase({ url: `${url}/postgres` });
  let current: Database | null = null;
  const copyAndOpen = async () => {
    await sql`drop database if exists run`.execute(admin.db);
    await sql`create database run template loaded`.execute(admin.db);
    return (current = await openDatabase({ url: `${url}/run` }));
  };
  const stop = async () => {
    await current?.close();
    await admin.close();
    await server.stop();
  };
  const loaded = readLoaded(dir);
  if (loaded) return { database: await copyAndOpen(), loaded, keep: async () => current!, stop };
  await sql`drop database if exists loaded`.execute(admin.db);
  await sql`create database loaded`.execute(admin.db);
  current = await openDatabase({ url: `${url}/loaded` });
  return {
    database: current,
    loaded: null,
    keep: async (l) => {
      // A template must have no connection open.
      await current!.close();
      current = null;
      fs.writeFileSync(path.join(dir, 'loaded.json'), JSON.stringify(l));
      return copyAndOpen();
    },
    stop,
  };
}

function appealRow(id: string, orgId: string, unitId: string, category: string, title: string, description: string, at: Date): AppealTable {
  const iso = at.toISOString();
  return {
    id,
    code: `B${id.slice(-12)}`,
    org_id: orgId,
    unit_id: unitId,
    department_id: null,
    author_account_id: null,
    author_person_id: null,
    author_category: null,
    anonymous: 0,
    channel: 'online',
    registered_by: null,
    category,
    nature: 'request',
    urgency: 'general',
    title,
    description,
    status: 'submitted',
    submitted_at: iso,
    submitted_date: iso.slice(0, 10),
    accept_due_date: iso.slice(0, 10),
    accepted_at: null,
    accept_work_tenths: null,
    due_date: null,
    current_due: null,
    overdue_at: null,
    late: 0,
    answer: null,
    answered_at: null,
    first_answered_at: null,
    first_answer_department_id: null,
    last_answer_late: null,
    answered_by: null,
    decline_reason: null,
    closed_at: null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    rated_department_id: null,
    reopen_count: 0,
    master_id: null,
    affected_workers: 1,
    group_alert_id: null,
    created_at: iso,
    updated_at: iso,
  };
}

// The load's texts repeat (eval-set texts, a number appended that adds no token): sign each once.
const signed = new Map<string, string[]>();
const signCached = (key: string, title: string, description: string) => {
  let tokens = signed.get(key);
  if (!tokens) signed.set(key, (tokens = signatureOf(title, description)));
  return tokens;
};

type Check = (tx: any, row: AppealTable, at: Date) => Promise<{ candidatesRead: number; keysRead: number; reads: number; signaturesRead?: number } | void>;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** Loads N appeals (and the surge) with their signatures and keys; returns what the runs need. */
async function load(db: any, texts: EvalAppeal[]): Promise<Loaded> {
  const now = new Date();
  const iso = now.toISOString();
  const groupId = newId();
  await db
    .insertInto('orgs')
    .values({
      id: groupId,
      parent_id: null,
      path: `/${groupId}/`,
      depth: 0,
      kind: 'group',
      name: '基准集团',
      code: null,
      sort_order: 0,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
  const units: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const id = newId();
    await db
      .insertInto('orgs')
      .values({
        id,
        parent_id: groupId,
        path: `/${groupId}/${id}/`,
        depth: 1,
        kind: 'mine',
        name: `${u + 1}号矿`,
        code: null,
        sort_order: u,
        created_at: iso,
        updated_at: iso,
      })
      .execute();
    units.push(id);
  }
  const CHUNK = 500;
  for (let done = 0; done < N; done += CHUNK) {
    const appeals: AppealTable[] = [];
    const sigs: any[] = [];
    const keys: any[] = [];
    for (let i = 0; i < Math.min(CHUNK, N - done); i++) {
      const t = texts[Math.floor(rnd() * texts.length)];
      const unit = units[Math.floor(rnd() * units.length)];
      const category = pickCategory();
      const at = new Date(now.getTime() - rnd() * 29 * 86_400_000);
      const row = appealRow(newId(), unit, unit, category, t.title, `${t.description}（${Math.floor(rnd() * 1e6)}）`, at);
      appeals.push(row);
      const tokens = signCached(t.id, row.title, row.description);
      sigs.push({
        appeal_id: row.id,
        unit_id: unit,
        category,
        submitted_at: row.submitted_at,
        author_key: `w${Math.floor(rnd() * 50_000)}`,
        tokens: encodeSignature(tokens),
        group_alert_id: null,
        settled: 0,
      });
      for (const key of issueKeys(tokens)) keys.push({ unit_id: unit, category, key, submitted_at: row.submitted_at, appeal_id: row.id });
    }
    await db.transaction().execute(async (tx: any) => {
      await tx.insertInto('appeals').values(appeals).execute();
      await tx.insertInto('appeal_signatures').values(sigs).execute();
      await tx.insertInto('appeal_signature_keys').values(keys).execute();
    });
  }
  // A surge: near-identical appeals (20 a statement: a text can carry ~70 issue keys, five values each) of one unit and category this week, as intake leaves them — members of one open alert.
  const surgeText = texts[0];
  if (SURGE) {
    const alertId = newId();
    await db
      .insertInto('appeal_group_alerts')
      .values({
        id: alertId,
        unit_id: units[0],
        category: 'wages',
        status: 'open',
        worker_count: SURGE,
        appeal_count: SURGE,
        keywords: '[]',
        raised_at: new Date(now.getTime() - 7 * 86_400_000).toISOString(),
        decided_by: null,
        decided_at: null,
        decision_note: null,
        answer: null,
        answered_at: null,
        updated_at: iso,
      })
      .execute();
    for (let done = 0; done < SURGE; done += 20) {
      const appeals: AppealTable[] = [];
      const sigs: any[] = [];
      const keys: any[] = [];
      for (let i = done; i < Math.min(SURGE, done + 20); i++) {
        const at = new Date(now.getTime() - rnd() * 7 * 86_400_000);
        const row = {
          ...appealRow(newId(), units[0], units[0], 'wages', surgeText.title, `${surgeText.description}（第${i}位）`, at),
          group_alert_id: alertId,
        };
        appeals.push(row);
        const tokens = signCached('surge', row.title, row.description);
        sigs.push({
          appeal_id: row.id,
          unit_id: units[0],
          category: 'wages',
          submitted_at: row.submitted_at,
          author_key: `s${i}`,
          tokens: encodeSignature(tokens),
          group_alert_id: alertId,
          settled: 0,
        });
        for (const key of issueKeys(tokens)) keys.push({ unit_id: units[0], category: 'wages', key, submitted_at: row.submitted_at, appeal_id: row.id });
      }
      await db.transaction().execute(async (tx: any) => {
        await tx.insertInto('appeals').values(appeals).execute();
        await tx.insertInto('appeal_signatures').values(sigs).execute();
        await tx.insertInto('appeal_signature_keys').values(keys).execute();
      });
    }
  }
  // Fresh statistics, as autovacuum would have gathered by the time a real table is this big.
  await sql`analyze`.execute(db);
  return { now: now.toISOString(), units, seed };
}

async function main() {
  const opened = await open();
  let database = opened.database;
  try {
    await migrateToLatest(database.db, house.migrations);
    const texts = loadSet(path.join(path.dirname(new URL(import.meta.url).pathname), 'eval-set.json')).appeals;
    const load0 = Date.now();
    let loaded = opened.loaded;
    if (!loaded) database = await opened.keep((loaded = await load(database.db, texts)));
    else seed = loaded.seed;
    const loadMs = Date.now() - load0;
    // A kept load may predate this checkout's migrations.
    await migrateToLatest(database.db, house.migrations);
    const db = database.db as any;
    const now = new Date(loaded.now);
    const units = loaded.units;
    const surgeText = texts[0];

    // Before/after in one run: the other checkout's checkIntake() on this same database, rounds alternating.
    const variants: { name: string; check: Check }[] = [{ name: 'this', check: checkIntake }];
    if (BASELINE) {
      const old = await import(path.resolve(BASELINE, 'server/modules/appeals/index.ts'));
      variants.unshift({ name: 'baseline', check: old.checkIntake as Check });
    }
    const stats = variants.map(() => ({
      times: [] as number[],
      cpu: [] as number[],
      intake: [] as number[],
      read: [] as number[],
      keys: [] as number[],
      reads: [] as number[],
      sigs: [] as number[],
      outcomes: [] as string[],
    }));
    const bareMs: number[] = [];
    const candidates: number[] = [];
    const bucket: number[] = [];
    let session: import('node:inspector').Session | null = null;
    if (PROFILE) {
      const inspector = await import('node:inspector');
      session = new inspector.Session();
      session.connect();
      const post = (m: string) => new Promise((ok, no) => session!.post(m, (err) => (err ? no(err) : ok(undefined))));
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    const count = async (t: string) =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb: any) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        ).n,
      );
    for (let r = 0; r < RUNS; r++) {
      // In a surge every run is one more of it; otherwise half the runs go to the busiest bucket: unit 1, wages.
      const t = SURGE ? { ...surgeText, description: `${surgeText.description}（又一位${r}）` } : texts[Math.floor(rnd() * texts.length)];
      const unit = SURGE || r % 2 ? units[0] : units[Math.floor(rnd() * units.length)];
      const category = SURGE || r % 2 ? 'wages' : pickCategory();
      const inBucket = await db
        .selectFrom('appeal_signatures')
        .select((eb: any) => eb.fn.countAll().as('n'))
        .where('unit_id', '=', unit)
        .where('category', '=', category)
        .executeTakeFirst();
      const sharingKey = await db
        .selectFrom('appeal_signature_keys')
        .select((eb: any) => eb.fn.count('appeal_id').distinct().as('n'))
        .where('unit_id', '=', unit)
        .where('category', '=', category)
        .where('key', 'in', issueKeys(signatureOf(t.title, t.description)))
        .executeTakeFirst();
      bucket.push(Number(inBucket.n));
      candidates.push(Number(sharingKey.n));
      // The bare insert: one appeal row, its own transaction (it gets no signature, so no check ever reads it).
      const bare = appealRow(newId(), unit, unit, category, t.title, t.description, now);
      const b0 = performance.now();
      await db.transaction().execute(async (tx: any) => tx.insertInto('appeals').values(bare).execute());
      bareMs.push(performance.now() - b0);
      // Each variant checks its own new appeal of the same text (the order alternates so neither always goes first).
      for (const v of r % 2 ? [...variants.keys()].reverse() : [...variants.keys()]) {
        const row = appealRow(newId(), unit, unit, category, t.title, t.description, now);
        const alertsBefore = await count('appeal_group_alerts');
        const s = stats[v];
        const i0 = performance.now();
        await db.transaction().execute(async (tx: any) => {
          await tx.insertInto('appeals').values(row).execute();
          const t0 = performance.now();
          const c0 = process.cpuUsage();
          const res = await variants[v].check(tx, row, now);
          s.times.push(performance.now() - t0);
          const c1 = process.cpuUsage(c0);
          s.cpu.push((c1.user + c1.system) / 1000);
          if (res) {
            s.read.push(res.candidatesRead);
            s.keys.push(res.keysRead);
            s.reads.push(res.reads);
            if (res.signaturesRead !== undefined) s.sigs.push(res.signaturesRead);
          }
        });
        s.intake.push(performance.now() - i0);
        const sig = await db.selectFrom('appeal_signatures').select('group_alert_id').where('appeal_id', '=', row.id).executeTakeFirst();
        s.outcomes.push((await count('appeal_group_alerts')) > alertsBefore ? 'raise' : sig.group_alert_id ? 'join' : 'none');
      }
    }
    if (session) {
      const profile = await new Promise<unknown>((ok, no) => session!.post('Profiler.stop', (err, res) => (err ? no(err) : ok(res.profile))));
      fs.writeFileSync(PROFILE, JSON.stringify(profile));
      session.disconnect();
    }
    const alerts = await count('appeal_group_alerts');
    const hot = candidates.filter((_, i) => i % 2 === 1);
    const ms = (xs: number[]) => ({ p50: +pct(xs, 0.5).toFixed(2), p95: +pct(xs, 0.95).toFixed(2), max: +Math.max(...xs).toFixed(2) });
    console.log(
      JSON.stringify(
        {
          engine: ENGINE,
          appealsInWindow: N + SURGE,
          surge: SURGE,
          units: UNITS,
          loadSeconds: Math.round(loadMs / 100) / 10,
          runs: RUNS,
          appealsInUnitAndCategory: {
            median: pct(bucket, 0.5),
            busiestBucket: pct(
              bucket.filter((_, i) => i % 2 === 1),
              0.5,
            ),
          },
          appealsSharingAKey: { median: pct(candidates, 0.5), p95: pct(candidates, 0.95), busiestBucket: pct(hot, 0.5) },
          bareInsertMs: ms(bareMs),
          loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
          variants: Object.fromEntries(
            variants.map((v, i) => {
              const s = stats[i];
              return [
                v.name,
                {
                  // What the check's reads returned (only a checkout that reports it).
                  candidatesRead: s.read.length ? { median: pct(s.read, 0.5), p95: pct(s.read, 0.95), max: Math.max(...s.read) } : null,
                  keysRead: s.keys.length ? { median: pct(s.keys, 0.5), p95: pct(s.keys, 0.95), max: Math.max(...s.keys) } : null,
                  // Of those, the signatures read and prepared (a checkout that keeps prepared ones between checks).
                  signaturesRead: s.sigs.length ? { median: pct(s.sigs, 0.5), p95: pct(s.sigs, 0.95), max: Math.max(...s.sigs) } : null,
                  checksReadingTwice: s.reads.filter((n) => n > 1).length,
                  checkMs: ms(s.times),
                  checkCpuMs: { p50: +pct(s.cpu, 0.5).toFixed(2), p95: +pct(s.cpu, 0.95).toFixed(2) },
                  busiestBucketMs: {
                    p50: +pct(
                      s.times.filter((_, i) => i % 2 === 1),
                      0.5,
                    ).toFixed(2),
                    p95: +pct(
                      s.times.filter((_, i) => i % 2 === 1),
                      0.95,
                    ).toFixed(2),
                  },
                  // Appeal row + check in one transaction; its rate as a share of the bare insert's (medians, same rounds).
                  intakeMs: ms(s.intake),
                  intakeRateOfBare: +(pct(bareMs, 0.5) / pct(s.intake, 0.5)).toFixed(3),
                  byOutcomeMs: Object.fromEntries(
                    ['none', 'join', 'raise'].map((o) => {
                      const xs = s.times.filter((_, i) => s.outcomes[i] === o);
                      return [o, xs.length ? { runs: xs.length, ...ms(xs) } : null];
                    }),
                  ),
                },
              ];
            }),
          ),
          alertsRaisedByTheRandomLoad: alerts,
          rssMiBAtEnd: Math.round(process.memoryUsage().rss / 2 ** 20),
        },
        null,
        1,
      ),
    );
  } finally {
    await opened.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
