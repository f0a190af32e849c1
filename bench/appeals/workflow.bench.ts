/**
 * The appeal intake and one status change (受理) through appeals' own events table (a checkout
 * at --baseline, e.g. main before the move) and through core/workflow (this tree), in one run:
 * rounds alternate the two trees, each on its own fresh database with the same org tree, so a
 * busy machine weighs on both alike. Prints wall median/p95 and CPU per call, and the ratios.
 *
 *   git archive <base> | tar -x -C /tmp/xq-kw-before && ln -s "$PWD/node_modules" /tmp/xq-kw-before/
 *   npx tsx bench/appeals/workflow.bench.ts --baseline /tmp/xq-kw-before [--rounds 10 --per 20]
 *
 * SQLite only (BENCH_ENGINE is not read): the shared path is measured where a write costs least,
 * so the events' share of it shows most.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from '../harness.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
const BASELINE = arg('baseline', '');
const ROUNDS = Number(arg('rounds', '10'));
const PER = Number(arg('per', '20'));
if (!BASELINE) throw new Error('--baseline <checkout> is required');
const HERE = path.resolve(import.meta.dirname, '../..');

interface Tree {
  name: string;
  submit: () => Promise<string>;
  accept: (id: string) => Promise<void>;
  intake: { wall: number[]; cpu: number[] };
  acceptance: { wall: number[]; cpu: number[] };
  close: () => Promise<void>;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function open(root: string, name: string): Promise<Tree> {
  const load = (p: string) => import(path.join(root, p));
  const { openDatabase } = await load('server/core/db/database.ts');
  const { migrateToLatest } = await load('server/core/db/migrate.ts');
  const { house } = await load('server/modules/registry.ts');
  (await load('server/modules/compose.ts')).installHouse(house);
  const { loadGrants } = await load('server/core/auth/auth.repository.ts');
  const { systemContext } = await load('server/core/context.ts');
  const service = await load('server/modules/appeals/appeals.service.ts');
  const { SubmitAppealBody } = await load('common/schemas/appeals.ts');
  const { worldRows, bulk } = await load('bench/world.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xq-bench-workflow-${name}-`));
  const database = await openDatabase({ url: path.join(dir, 'db.sqlite') });
  const db = database.db;
  await migrateToLatest(db, house.migrations);
  const rows = worldRows();
  const group = rows.org('基准煤业集团', 'group', null);
  const mine = rows.org('一号矿', 'mine', group);
  const dept = rows.org('生产部', 'department', mine);
  const team = rows.org('综采一队', 'team', dept);
  await bulk(db, 'orgs', [group, mine, dept, team]);
  const person = rows.person(team.id, 'worker', '职工甲', { employment_category: 'contract', union_member: 1 });
  await bulk(db, 'persons', [person]);
  const worker = rows.account('bench.worker', person.id);
  const staff = rows.account('bench.staff');
  await bulk(db, 'accounts', [worker, staff]);
  await bulk(db, 'role_grants', [rows.grant(worker.id, 'worker', team.id), rows.grant(staff.id, 'unionStaff', group.id)]);
  const actor = async (a: { id: string; person_id: string | null }) => ({
    accountId: a.id,
    displayName: 'bench',
    personId: a.person_id,
    grants: await loadGrants(db, a.id),
    via: 'session',
  });
  const [author, union] = [await actor(worker), await actor(staff)];
  const ctx = systemContext();
  let i = 0;
  return {
    name,
    submit: () =>
      db
        .transaction()
        .execute((tx: unknown) =>
          service.createInTx(
            tx,
            { ...ctx, actor: author },
            author,
            SubmitAppealBody.parse({ category: 'wages', title: `加班费${++i}`, description: `第${i}个月的加班费没有发放，请工会帮助协调。` }),
          ),
        ),
    accept: (id: string) => service.accept(db, ctx, union, id, { note: '受理' }),
    intake: { wall: [], cpu: [] },
    acceptance: { wall: [], cpu: [] },
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function timed<T>(into: { wall: number[]; cpu: number[] }, work: () => Promise<T>): Promise<T> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const out = await work();
  into.wall.push(performance.now() - t0);
  into.cpu.push(cpuMs() - c0);
  return out;
}

const trees = [await open(BASELINE, 'before'), await open(HERE, 'after')];
// Warm both (statement caches, prepared shapes, the calendar).
for (const t of trees) for (let k = 0; k < 5; k++) await t.accept(await t.submit());
const load0 = os.loadavg()[0];
for (let r = 0; r < ROUNDS; r++)
  for (const t of r % 2 ? [...trees].reverse() : trees) {
    const ids: string[] = [];
    for (let k = 0; k < PER; k++) ids.push(await timed(t.intake, t.submit));
    for (const id of ids) await timed(t.acceptance, () => t.accept(id));
  }
const load1 = os.loadavg()[0];

const med = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const p95 = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    95,
  );
console.log(`SQLite, ${ROUNDS} rounds × ${PER} appeals per tree, alternating; load ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${os.cpus().length} cores`);
for (const what of ['intake', 'acceptance'] as const) {
  const [b, a] = trees.map((t) => t[what]);
  console.log(
    `${what.padEnd(11)} wall median ${med(b.wall).toFixed(2)} → ${med(a.wall).toFixed(2)} ms (×${(med(a.wall) / med(b.wall)).toFixed(2)}), ` +
      `p95 ${p95(b.wall).toFixed(2)} → ${p95(a.wall).toFixed(2)} ms; CPU median ${med(b.cpu).toFixed(2)} → ${med(a.cpu).toFixed(2)} ms (×${(med(a.cpu) / med(b.cpu)).toFixed(2)})`,
  );
}
for (const t of trees) await t.close();
