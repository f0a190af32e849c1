/**
 * Runs the school benchmark alone: generates the shared data set (BENCH_SCALE, default L),
 * measures the bare baselines, starts the built app and runs school.bench.ts, then writes
 * bench/school/RESULTS.md. `npm run build:server` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../../server/cli/seed/random.js';
import { generateFile, SCALES, type Scale } from '../generate.js';
import { measure, Results, writeResults, type BenchContext } from '../harness.js';
import { ROOT, startServer } from '../processes.js';
import bench from './school.bench.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as Scale;
if (!SCALES.includes(scale)) throw new Error(`BENCH_SCALE must be one of ${SCALES.join(', ')}`);
if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('dist/server is missing: run `npm run build:server` first');

const startedAt = new Date();
const loadAtStart = os.loadavg()[0];
const results = new Results();
// Its own file, so a full `npm run bench` of the same scale is never disturbed.
const dbFile = path.join(ROOT, 'bench/.data', `school-${scale}.sqlite`);
process.env.BENCH_DB_FILE = dbFile;
const { database, generated, ms } = await generateFile(dbFile, scale);
await database.close();
results.data = { scale, generated, ms };

const bare = await startServer('bare', [dbFile]);
let baselines: BenchContext['baselines'];
try {
  const constant = results.add(await measure('bare Fastify: constant JSON', { baseUrl: bare.url, serverPid: bare.pid, requests: [{ path: '/constant' }] }));
  const rng = new Rng(42);
  const paths = Array.from({ length: 2_000 }, () => ({ path: `/persons/${generated.persons[Math.floor(rng.next() * generated.persons.length)]}` }));
  const pointSelect = results.add(await measure('bare Fastify: better-sqlite3 select by id', { baseUrl: bare.url, serverPid: bare.pid, requests: paths }));
  baselines = { constant, pointSelect };
  results.baselines = baselines;
} finally {
  await bare.stop();
}

// One head teacher writes all the pages under load: the per-account write limit (120/min, a
// flood guard) would otherwise measure itself, so it is off for this run.
const app = await startServer('app', [dbFile], { TRUST_PROXY: '1', XQ_JOBS: '0', XQ_WRITE_LIMIT_ACCOUNT: '0' });
try {
  await bench.run({ scale, generated, appUrl: app.url, appPid: app.pid, accounts: { staff: { username: '', password: '' } }, baselines, results });
} finally {
  await app.stop();
}
results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
writeResults(path.join(ROOT, 'bench/school/RESULTS.md'), results, startedAt);
console.log('wrote bench/school/RESULTS.md');
