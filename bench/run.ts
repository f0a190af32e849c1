/**
 * `npm run bench`: generates the data set (scale L unless BENCH_SCALE says otherwise), measures
 * the two bare baselines, then runs every bench/*.bench.ts against the real app — all in one
 * run on one machine — and writes bench/RESULTS.md.
 *
 * Environment: BENCH_SCALE=S|M|L, BENCH_DURATION (s per endpoint, default 10),
 * BENCH_CONNECTIONS (default 10), BENCH_ONLY=people,startup (a subset of bench files).
 * Never part of the test suite; it asserts nothing, it reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Rng } from '../server/core/random.js';
import { benchAccount, generateFile, SCALES, type Scale } from './generate.js';
import { fmt, machine, measure, Results, writeResults, type Bench, type BenchContext } from './harness.js';
import { ROOT, startServer } from './processes.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as Scale;
if (!SCALES.includes(scale)) throw new Error(`BENCH_SCALE must be one of ${SCALES.join(', ')}`);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('dist/server is missing: run `npm run build:server` first (npm run bench does)');

const startedAt = new Date();
const loadAtStart = os.loadavg()[0];
const results = new Results();
const m = machine();
console.log(`bench: scale ${scale}, ${m.nproc} × ${m.cpu}, ${fmt(m.memoryGiB, 1)} GiB, node ${m.node}, load average ${fmt(loadAtStart, 2)}`);

const dbFile = path.join(ROOT, 'bench/.data', `${scale}.sqlite`);
const staff = { username: 'bench.staff', password: 'bench-Passw0rd' };
console.log(`generating ${path.relative(ROOT, dbFile)} …`);
const { database, generated, ms } = await generateFile(dbFile, scale);
await benchAccount(database.db, staff.username, staff.password, 'unionStaff', generated.groups[0]);
await database.close();
results.data = { scale, generated, ms };
console.log(`  ${generated.orgCount} orgs, ${generated.persons.length} people in ${fmt(ms / 1000, 1)} s`);

console.log('bare Fastify baselines …');
const bare = await startServer('bare', [dbFile]);
let baselines: BenchContext['baselines'];
try {
  const constant = results.add(await measure('bare Fastify: constant JSON', { baseUrl: bare.url, serverPid: bare.pid, requests: [{ path: '/constant' }] }));
  const rng = new Rng(42);
  const ids = generated.persons;
  const paths = Array.from({ length: 2_000 }, () => ({ path: `/persons/${ids[Math.floor(rng.next() * ids.length)]}` }));
  const pointSelect = results.add(await measure('bare Fastify: better-sqlite3 select by id', { baseUrl: bare.url, serverPid: bare.pid, requests: paths }));
  baselines = { constant, pointSelect };
  results.baselines = baselines;
} finally {
  await bare.stop();
}

const files = fs
  .readdirSync(path.join(ROOT, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const benches: Bench[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(ROOT, 'bench', f)).href)) as { default: Bench };
  if (!only || only.includes(mod.default.name)) benches.push(mod.default);
}

const ctx: BenchContext = { scale, generated, dbFile, appUrl: '', appPid: 0, accounts: { staff }, baselines, results };
const failures: string[] = [];
/** One failing benchmark is reported, not allowed to sink the others. */
async function runOne(b: Bench) {
  console.log(`[${b.name}]`);
  try {
    await b.run(ctx);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`  ${b.name} failed: ${message}`);
    failures.push(b.name);
    results.section(`⚠️ ${b.name}`, `This benchmark failed and reported nothing: \`${message.replace(/`/g, "'").slice(0, 500)}\``);
  }
}
const withApp = benches.filter((b) => b.needsApp);
if (withApp.length > 0) {
  console.log('real app (dist, SQLite, logger and jobs off) …');
  const app = await startServer('app', [dbFile], { TRUST_PROXY: '1', XQ_JOBS: '0' });
  try {
    ctx.appUrl = app.url;
    ctx.appPid = app.pid;
    for (const b of withApp) await runOne(b);
  } finally {
    await app.stop();
  }
}
for (const b of benches.filter((x) => !x.needsApp)) await runOne(b);

results.section(
  '说明 / Notes',
  [
    '- Each server runs in its own process; autocannon runs in the runner process. Throughput counts 2xx responses only.',
    '- *bare constant*: Fastify with no plugins returning a fixed JSON object. *bare point select*: the same Fastify reading one ' +
      'row of the generated `persons` table by primary key through a prepared better-sqlite3 statement (random ids).',
    '- The real app is `dist/` as `npm start` runs it (helmet, cookies, sessions in the database, zod validation and ' +
      'serialisation, RBAC scope in SQL), with the logger and background jobs off.',
    '- Login requests each carry their own `X-Forwarded-For` (the app runs with `TRUST_PROXY=1`) because the route limits ' +
      'sign-ins per client address; its cost is the scrypt KDF by design.',
    '- Regenerate with `npm run bench` (`BENCH_SCALE=S|M|L`, `BENCH_DURATION`, `BENCH_CONNECTIONS`, `BENCH_ONLY`). ' +
      'The generated database stays in `bench/.data/` (git-ignored).',
  ].join('\n'),
);
results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
const out = path.join(ROOT, 'bench/RESULTS.md');
writeResults(out, results, startedAt);
console.log(`wrote ${path.relative(ROOT, out)}`);
if (failures.length > 0) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
