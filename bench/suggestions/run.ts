/**
 * The suggestion campaign at scale L (issue #20: 100 000 suggestions; lists p95 ≤ 20 ms), in
 * process through the module's own services (no HTTP): the union desk's list (newest, by status,
 * one team, a deep page), a worker's own, an evaluator's queue, a suggestion page, a campaign's
 * statistics, and the six registry indicators over a year for the whole group.
 *
 *   node --import tsx bench/suggestions/run.ts                        # SQLite (temp file)
 *   BENCH_ENGINE=postgres node --import tsx bench/suggestions/run.ts  # embedded PostgreSQL
 *
 * Prints the figures with the scale and the machine; writes nothing into the repository.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { indicator } from '../../server/core/indicators/indicators.registry.js';
import type { Call } from '../../server/core/call.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { suggestionsService } from '../../server/modules/suggestions/index.js';
import { campaignStatistics } from '../../server/modules/suggestions/index.js';
import { startPostgres } from '../../test/pg-global-setup.js';
import { buildSuggestionsL, SCALE_L } from './data.js';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
/** Timed calls per measurement (BENCH_N). */
const N = Number(process.env.BENCH_N ?? 200);
installHouse(house);

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await startPostgres();
    const database = await openDatabase({ url: `${pg.url}/postgres`, poolSize: 5 });
    return { database, done: async () => { await database.close(); await pg.dispose(); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-suggestions-'));
  const database = await openDatabase({ url: path.join(dir, 'bench.sqlite') });
  return { database, done: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function time(name: string, n: number, work: (i: number) => Promise<unknown>, limit: number) {
  for (let i = 0; i < 5; i++) await work(i); // warm the statement caches
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(i);
    ms.push(performance.now() - t0);
  }
  const p95 = p(ms, 0.95);
  console.log(`${name.padEnd(52)} median ${p(ms, 0.5).toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   target ≤ ${limit} ms ${p95 <= limit ? 'met' : 'NOT met'}`);
}

const { database, done } = await open();
try {
  const db = database.db;
  const t0 = performance.now();
  await migrateToLatest(db, house.migrations);
  const today = shanghaiDate(new Date());
  const w = await buildSuggestionsL(db, today);
  console.log(`engine ${engine}; scale L: ${SCALE_L.suggestions} suggestions, ${SCALE_L.workers} workers, ${SCALE_L.mines * SCALE_L.teamsPerMine} teams; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, node ${process.version}`);
  if (engine === 'postgres') await (db as any).executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } }).catch(() => undefined);

  const callAs = async (accountId: string, personId: string | null = null): Promise<Call> => ({
    db,
    actor: { accountId, displayName: 'bench', personId, grants: await loadGrants(db, accountId), via: 'session' },
    ctx: { actor: null, ip: null, requestId: null, locale: 'zh-CN' },
    now: new Date(),
  });
  const chair = await callAs(w.chairAccount);
  const expert = await callAs(w.evaluatorAccounts[0]);
  const worker = await callAs(w.workerAccount.accountId, w.workerAccount.personId);
  const page = { page: 1, pageSize: 20, order: 'asc' as const };

  await time('desk list, union chair, newest first', N, () => suggestionsService.list(chair, { ...page }), 20);
  await time('desk list, union chair, waiting for first review', N, () => suggestionsService.list(chair, { ...page, status: ['submitted'] }), 20);
  await time('desk list, union chair, one team', N, (i) => suggestionsService.list(chair, { ...page, orgId: w.teams[i % w.teams.length].id }), 20);
  await time('desk list, union chair, one campaign, page 50', N, (i) => suggestionsService.list(chair, { ...page, page: 50, campaignId: w.campaignIds[i % w.campaignIds.length] }), 20);
  await time('evaluator queue (assigned, being evaluated)', N, () => suggestionsService.list(expert, { ...page, assigned: true, status: ['evaluating'] }), 20);
  await time('my suggestions, a worker', N, () => suggestionsService.list(worker, { ...page, mine: true }), 20);
  await time('suggestion page, union chair', N, (i) => suggestionsService.detail(chair, w.suggestionIds[(i * 7919) % w.suggestionIds.length]), 20);
  await time('campaign statistics (month + 20 units)', 20, (i) => campaignStatistics(chair, w.campaignIds[i % w.campaignIds.length], {}), 200);
  const q = { scope: { all: false, paths: [w.group.path] }, from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
  const keys = ['suggestions.per100Workers', 'suggestions.participationRate', 'suggestions.adoptionRate', 'suggestions.implemented', 'suggestions.benefit', 'suggestions.rewardsPaid'];
  await time('dashboard: six indicators, whole group, one year', 20, () => Promise.all(keys.map((k) => indicator(k)!.compute(db, q))), 200);
} finally {
  await done();
}
