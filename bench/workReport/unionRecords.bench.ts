/**
 * What naming the records of the seven union practices (congress, contracts, honours, notices, policies,
 * suggestions, surveys) costs a report's generation, in the same run: the demo world (every practice with
 * records) on SQLite, the group's year snapshotted with every indicator's records, and again with those
 * seven practices' `records` taken away (counts only, as before session 17). Alternated, `--runs` each;
 * wall and this process's CPU (SQLite runs in-process). The appeals bench data has no records of these
 * practices, so it cannot show their cost; the demo is small — the ratio, not the milliseconds, is the figure.
 *
 *   npx tsx bench/workReport/unionRecords.bench.ts [--runs 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { installHouse } from '../../server/modules/compose.js';
import { house, modules } from '../../server/modules/registry.js';
import { seedDemoData } from '../../server/cli/seed/demo.js';
import { installSecretSource } from '../../server/core/secrets.js';
import { indicators, type RegisteredIndicator } from '../../server/core/indicators/indicators.registry.js';
import { snapshotFigures } from '../../server/modules/workReport/index.js';

type FigureRecords = { module: string; numerator: string[]; denominator: string[] };

const UNION = new Set(['congress', 'contracts', 'honours', 'notices', 'policies', 'suggestions', 'surveys']);
const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('runs', '5'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-union-records-'));
try {
  const database = await openDatabase({ url: path.join(dir, 'demo.db') });
  const db = database.db;
  installHouse(house);
  // The demo's FAQ views key their viewers with the server secret (core/secrets.ts).
  installSecretSource({ dataDir: dir, keyText: 'bench' });
  await migrateToLatest(db, house.migrations);
  const now = new Date('2026-11-24T08:00:00Z');
  await seedDemoData(db, { now, modules });
  const org = await db.selectFrom('orgs').select(['id', 'name', 'path']).where('kind', '=', 'group').executeTakeFirstOrThrow();
  const union = indicators().filter((i) => UNION.has(i.module)) as (RegisteredIndicator & { records?: unknown })[];
  const kept = new Map(union.map((i) => [i.key, i.records]));
  const strip = (on: boolean) => {
    for (const i of union) (i as { records?: unknown }).records = on ? kept.get(i.key) : undefined;
  };
  const once = async (withRecords: boolean) => {
    strip(withRecords);
    const list: FigureRecords[] = [];
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await snapshotFigures(
      db,
      org,
      '2026-01-01',
      '2026-12-31',
      async () => {},
      new Map(),
      now,
      (r) => list.push(r),
    );
    const wall = performance.now() - t0;
    const c = process.cpuUsage(cpu);
    return {
      wall,
      cpu: (c.user + c.system) / 1000,
      ids: list.filter((r) => UNION.has(r.module)).reduce((n, r) => n + r.numerator.length + r.denominator.length, 0),
    };
  };
  await once(true); // warm
  const runs: { with: Awaited<ReturnType<typeof once>>[]; without: Awaited<ReturnType<typeof once>>[] } = { with: [], without: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.without.push(await once(false));
    runs.with.push(await once(true));
  }
  strip(true);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const sum = (k: 'with' | 'without', f: 'wall' | 'cpu') => Math.round(median(runs[k].map((r) => r[f])));
  console.log(
    JSON.stringify({
      world: 'demo (SQLite), group year 2026',
      runs: RUNS,
      load: os.loadavg().map((x) => Math.round(x * 10) / 10),
      unionIdsNamed: runs.with[0].ids,
      countsOnly: { wallMs: sum('without', 'wall'), cpuMs: sum('without', 'cpu') },
      withRecords: { wallMs: sum('with', 'wall'), cpuMs: sum('with', 'cpu') },
      cpuRatio: Math.round((sum('with', 'cpu') / sum('without', 'cpu')) * 100) / 100,
    }),
  );
  await database.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
