/**
 * Runs the school benchmark alone (BENCH_SCALE, default L): the bare baselines on the shared
 * data set, then school.bench.ts, and writes bench/school/RESULTS.md. `npm run build:server`
 * first. `npm run bench` runs the same benchmark among the others into bench/RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../../server/core/random.js';
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
// The bare point select reads the shared data set's persons, as in `npm run bench`.
const dbFile = path.join(ROOT, 'bench/.data', `${scale}.sqlite`);
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

await bench.run({ scale, generated, dbFile, appUrl: '', appPid: 0, accounts: { staff: { username: '', password: '' } }, baselines, results });
results.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };
writeResults(path.join(ROOT, 'bench/school/RESULTS.md'), results, startedAt);
console.log('wrote bench/school/RESULTS.md');
