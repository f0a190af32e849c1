/**
 * A quick loop for finding where the school routes spend their time, without the full
 * benchmark: builds (once) a database holding only the benchmark school, then times the
 * dashboard, the class week view and writing a side through app.inject(). Run under
 * `node --cpu-prof --import tsx bench/school/profile.ts [S|M|L] [what]` to get a profile.
 * what: all | dashboard | write | week (default all).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/core/db/database.js';
import { systemContext } from '../../server/core/context.js';
import { Migrator, type Kysely } from 'kysely';
import { coreMigrations } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { percentile } from '../harness.js';
import { ROOT } from '../processes.js';
import { CLASSES_PER_GRADE, generateSchoolData, type SchoolBenchData } from './data.js';

const scale = (process.argv[2] ?? 'S').toUpperCase();
const what = process.argv[3] ?? 'all';
const file = path.join(ROOT, 'bench/.data', `school-profile-${scale}.sqlite`);
const meta = `${file}.json`;

/** Like migrateToLatest, but a profile database built yesterday still takes a migration named earlier than its newest. */
async function migrateToLatest(db: Kysely<any>, extra: Record<string, any>) {
  const all = { ...coreMigrations, ...extra };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    migrationTableName: 'xq_migrations',
    migrationLockTableName: 'xq_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

let data: SchoolBenchData;
if (!fs.existsSync(meta)) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = await openDatabase({ url: file });
  await migrateToLatest(database.db, house.migrations);
  const t = Date.now();
  data = await generateSchoolData(database.db, new Date(), CLASSES_PER_GRADE[scale]);
  await database.close();
  fs.writeFileSync(meta, JSON.stringify(data));
  console.log(`generated ${data.students} students, ${data.notes} pages in ${(Date.now() - t) / 1000} s`);
} else data = JSON.parse(fs.readFileSync(meta, 'utf8'));

process.env.XQ_WRITE_LIMIT_ACCOUNT = '0';
if (what === 'svc') {
  // The dashboard's service alone, without HTTP: where its time goes, even while a route does not build.
  const database = await openDatabase({ url: file });
  await migrateToLatest(database.db, house.migrations);
  installHouse(house);
  const { loadGrants } = await import('../../server/core/auth/auth.repository.js');
  const service = await import('../../server/modules/heartBridge/index.js');
  const account = await database.db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'person_id'])
    .where('username', '=', data.accounts.principal)
    .executeTakeFirstOrThrow();
  const actor = {
    accountId: account.id,
    displayName: account.display_name,
    personId: account.person_id,
    via: 'session' as const,
    grants: await loadGrants(database.db, account.id),
  };
  const { default: SQLite } = await import('better-sqlite3');
  const stmt = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1'));
  const spent = new Map<string, number>();
  for (const m of ['all', 'get', 'run']) {
    const orig = stmt[m];
    stmt[m] = function (this: { source: string }, ...args: unknown[]) {
      const t = performance.now();
      try {
        return orig.apply(this, args);
      } finally {
        const k = this.source
          .replace(/\s+/g, ' ')
          .replace(/(\?, )+\?/g, '?…')
          .slice(0, 150);
        spent.set(k, (spent.get(k) ?? 0) + performance.now() - t);
      }
    };
  }
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await service.schoolDashboard({ db: database.db, actor: actor as any, ctx: systemContext(), now: new Date() }, data.schoolId, { week: data.lastFullWeek });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  for (const [k, v] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(v / 40).toFixed(1).padStart(7)} ms/req  ${k}`);
  console.log(`school dashboard (service): median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  await database.close();
  process.exit(0);
}
const database = await openDatabase({ url: file });
await migrateToLatest(database.db, house.migrations);
const config = loadConfig(process.env, { jobs: false, logLevel: 'silent', webDir: '/nonexistent', port: 0, host: '127.0.0.1' });
const app = await buildApp({ config, database, logger: false });

async function signIn(login: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password: data.accounts.password } });
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
  const cookie = String(([] as string[]).concat(res.headers['set-cookie'] as string[])[0]).split(';')[0];
  return { cookie, csrf: JSON.parse(res.body).csrfToken as string };
}
const principal = await signIn(data.accounts.principal);
const head = await signIn(data.accounts.head);

async function time(label: string, n: number, req: (i: number) => Record<string, unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await app.inject(req(i));
    times.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: n ${n}, median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
}

if (what === 'trace') {
  // Every statement one write and one dashboard prepare, in order: the per-request work.
  const { default: SQLite } = await import('better-sqlite3');
  const proto = SQLite.prototype as any;
  const prepare = proto.prepare;
  const seen: string[] = [];
  proto.prepare = function (this: unknown, source: string) {
    seen.push(source.replace(/\s+/g, ' ').slice(0, 200));
    return prepare.call(this, source);
  };
  for (const [label, req] of [
    [
      'write',
      {
        method: 'PUT',
        url: `/api/v1/heart-bridge/students/${data.class1Students[0]}/weeks/${data.currentWeek}/school`,
        headers: { cookie: head.cookie, 'x-csrf-token': head.csrf },
        payload: { atSchool: 'x', suggestion: '', encouragement: 'y' },
      },
    ],
    [
      'dashboard',
      { method: 'GET', url: `/api/v1/heart-bridge/schools/${data.schoolId}/dashboard?week=${data.lastFullWeek}`, headers: { cookie: principal.cookie } },
    ],
  ] as const) {
    seen.length = 0;
    const res = await app.inject(req as any);
    console.log(`--- ${label}: ${res.statusCode}, ${seen.length} statements`);
    for (const s of seen) console.log('  ' + s);
  }
}
if (what === 'wal') {
  // Pages each write appends to the WAL: what its one fsync'd commit has to carry.
  const { default: SQLite } = await import('better-sqlite3');
  const side = new SQLite(file);
  const frames = () => (side.pragma('wal_checkpoint(PASSIVE)') as unknown as { log: number }[])[0].log;
  side.pragma('wal_checkpoint(TRUNCATE)');
  const n = 40;
  for (let i = 0; i < n; i++) {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/heart-bridge/students/${data.class1Students[i % data.class1Students.length]}/weeks/${data.currentWeek}/school`,
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrf },
      payload: { atSchool: `第 ${i} 次`, suggestion: '', encouragement: '加油' },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  console.log(`WAL frames per write: ${(frames() / n).toFixed(1)}`);
  side.close();
}
if (what === 'all' || what === 'dashboard')
  await time('school dashboard', 40, () => ({
    method: 'GET',
    url: `/api/v1/heart-bridge/schools/${data.schoolId}/dashboard?week=${data.lastFullWeek}`,
    headers: { cookie: principal.cookie },
  }));
if (what === 'all' || what === 'week')
  await time('class week', 300, (i) => ({
    method: 'GET',
    url: `/api/v1/heart-bridge/classes/${data.classes[i % data.classes.length]}/weeks/${data.lastFullWeek}?pageSize=50`,
    headers: { cookie: principal.cookie },
  }));
if (what === 'sync') {
  // How much of a write is the fsync: the same writes with synchronous=OFF (diagnosis only).
  const { sql } = await import('kysely');
  for (const mode of ['FULL', 'OFF', 'FULL', 'OFF']) {
    await sql.raw(`pragma synchronous = ${mode}`).execute(database.db);
    await time(`write school side, synchronous=${mode}`, 300, (i) => ({
      method: 'PUT',
      url: `/api/v1/heart-bridge/students/${data.class1Students[i % data.class1Students.length]}/weeks/${data.currentWeek}/school`,
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrf },
      payload: { atSchool: `第 ${i} 次 ${mode}`, suggestion: '', encouragement: '加油' },
    }));
  }
}
if (what === 'all' || what === 'write')
  await time('write school side', 1000, (i) => ({
    method: 'PUT',
    url: `/api/v1/heart-bridge/students/${data.class1Students[i % data.class1Students.length]}/weeks/${data.currentWeek}/school`,
    headers: { cookie: head.cookie, 'x-csrf-token': head.csrf },
    payload: { atSchool: `本周表现稳定，第 ${i + 1} 次记录。`, suggestion: '每天阅读二十分钟', encouragement: '继续加油！' },
  }));
await app.close();
await database.close();
