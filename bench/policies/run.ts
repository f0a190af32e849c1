/**
 * The policy library at scale: `node --import tsx bench/policies/run.ts` (BENCH_SCALE=S|M|L,
 * default L; BENCH_ENGINE=sqlite|postgres, default sqlite — postgres starts an embedded server).
 * Builds the data (data.ts) into a fresh database, then times the module's own read paths
 * in-process, as a worker and as union staff: article search by Chinese words, the library
 * list, the question queue and its filters, and the indicators over a year. Prints p50/p95 per
 * path against the targets (lists ≤ 20 ms, article search ≤ 50 ms, dashboards ≤ 200 ms).
 * No HTTP: these are the queries a route runs, without Fastify's constant overhead.
 * BENCH_REUSE=1 (SQLite) times the database a previous run left in bench/.data without
 * rebuilding it, so a change can be measured before and after on the same data.
 */
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { loadGrants } from '../../server/core/auth/auth.repository.js';
import { house } from '../../server/modules/registry.js';
import { installHouse } from '../../server/modules/compose.js';
import { systemContext } from '../../server/core/context.js';
import type { Call } from '../../server/core/call.js';
import { benchReads } from '../../server/modules/policies/index.js';
import { percentile } from '../harness.js';
import { openBenchDatabase } from '../kit.js';
import { existingPolicyData, generatePolicyData, SPECS, type PolicyScale } from './data.js';

const scale = (process.env.BENCH_SCALE ?? 'L').toUpperCase() as PolicyScale;
if (!(scale in SPECS)) throw new Error('BENCH_SCALE must be S, M or L');
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const reuse = engine === 'sqlite' && process.env.BENCH_REUSE === '1';
installHouse(house);

const cache = path.join(import.meta.dirname, '..', '.data', `policies-${scale}.sqlite`);
const { database, done } = await openBenchDatabase('policies', cache, { name: 'xq_policies_bench', fresh: !reuse });
const db = database.db;

try {
  await migrateToLatest(db, house.migrations);
  let t0 = Date.now();
  const data = reuse ? await existingPolicyData(db, scale) : await generatePolicyData(db, scale);
  // A database built before signatures were kept gets them as a deployment would: by the job.
  if (reuse) while ((await benchReads.signOldQuestions(db)) > 0);
  console.log(
    `${engine} ${scale}: ${data.counts.policies} policies, ${data.counts.articles} articles, ${data.counts.questions} questions in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (engine === 'postgres') await (await import('kysely')).sql`analyze`.execute(db);

  const callAs = async (username: string): Promise<Call> => {
    const acc = await db.selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('username', '=', username).executeTakeFirstOrThrow();
    const actor = { accountId: acc.id, displayName: acc.display_name, personId: acc.person_id, grants: await loadGrants(db, acc.id), via: 'session' as const };
    return { db, actor, ctx: { ...systemContext('bench'), actor }, now: new Date() };
  };
  const worker = await callAs(data.worker);
  const staff = await callAs(data.keeper);

  const N = Number(process.env.BENCH_N ?? 200);
  const rows: string[] = [];
  const time = async (name: string, target: number, run: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await run(i);
    const ms: number[] = [];
    for (let i = 0; i < N; i++) {
      t0 = performance.now();
      await run(i);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const p95 = percentile(ms, 95);
    rows.push(`| ${name} | ${percentile(ms, 50).toFixed(1)} | ${p95.toFixed(1)} | ≤ ${target} | ${p95 <= target ? 'yes' : 'NO'} |`);
    console.log(rows.at(-1));
  };
  const words = ['工资', '工伤', '年休假', '加班费', '劳动合同', '住房公积金', '调解', '职业健康检查'];
  const r = benchReads;
  await time('article search, one word (worker)', 50, (i) => r.searchArticles(worker, { q: words[i % words.length], page: 1, pageSize: 20 }));
  await time('article search, two words (worker)', 50, (i) =>
    r.searchArticles(worker, { q: `${words[i % words.length]} ${words[(i + 3) % words.length]}`, page: 1, pageSize: 20 }),
  );
  await time('library list, first page (worker)', 20, () => r.listPolicies(worker, { page: 1, pageSize: 20, order: 'asc', status: ['effective'] }));
  await time('library list, word filter (worker)', 50, (i) => r.listPolicies(worker, { page: 1, pageSize: 20, order: 'asc', q: words[i % words.length] }));
  await time('question queue: awaiting, by deadline (staff)', 20, () =>
    r.listQuestions(staff, { page: 1, pageSize: 20, sort: 'dueDate', order: 'asc', status: ['submitted'] }),
  );
  await time('question list: newest (staff)', 20, () => r.listQuestions(staff, { page: 1, pageSize: 20, order: 'desc' }));
  await time('question list: one team (staff)', 20, (i) =>
    r.listQuestions(staff, { page: 1, pageSize: 20, order: 'desc', orgId: data.teamIds[i % data.teamIds.length] }),
  );
  await time('FAQ nearest to a draft (worker)', 50, (i) => r.faq(worker, { q: `我想问一下${words[i % words.length]}怎么算`, page: 1, pageSize: 5 }));
  await time('政策解读 prompts: 14 days, every topic (staff)', 200, () => r.explainPrompts(staff));
  const year = {
    scope: { all: false, paths: [(await db.selectFrom('orgs').select('path').where('id', '=', data.groupId).executeTakeFirstOrThrow()).path] },
    from: '2026-01-01',
    to: '2026-12-31',
  };
  await time('indicator: questions answered, group, a year', 200, () => r.questionsAnswered(db, year));
  await time('indicator: on-time answer rate, group, a year', 200, () => r.onTimeAnswerRate(db, year));
  console.log(
    `\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0].toFixed(1)}; ${N} calls each after 10 warm-up\n| path | p50 ms | p95 ms | target | met |\n|---|---|---|---|---|\n${rows.join('\n')}`,
  );
} finally {
  await done();
}
