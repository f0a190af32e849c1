/**
 * Where a report's time goes, practice by practice: each module's figures counted over the period
 * and the year before (as the snapshot counts them, one batch of reads per period), then the
 * records of the period's figures (one batch, as the snapshot reads them) — each part's wall time
 * and CPU, split between this Node process and the PostgreSQL server (bench/kit.ts `cpuSplitMs`),
 * so a slow part says whether the engine or Node spends it.
 */
import type { Db } from '../../server/core/db/database.js';
import type { IndicatorQuery, SharedReads } from '../../server/core/indicators/indicator.js';
import { indicators, type RegisteredIndicator } from '../../server/core/indicators/indicators.registry.js';
import { previousPeriod } from '../../common/workReport.js';
import { cpuSplitMs } from '../kit.js';

type Org = { id: string; path: string };
type Timed = { wallMs: number; nodeMs: number; serverMs: number };

/** The registry's indicators by module, in registry order (as the report groups them). */
export function byModuleForBench(): [string, RegisteredIndicator[]][] {
  const groups = new Map<string, RegisteredIndicator[]>();
  for (const i of indicators()) groups.set(i.module, [...(groups.get(i.module) ?? []), i]);
  return [...groups];
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T } & Timed> {
  const c0 = cpuSplitMs();
  const w = performance.now();
  const result = await run();
  const c1 = cpuSplitMs();
  return { result, wallMs: Math.round(performance.now() - w), nodeMs: Math.round(c1.node - c0.node), serverMs: Math.round(c1.server - c0.server) };
}

export async function recordsProfile(db: Db, org: Org, from: string, to: string, groups: [string, RegisteredIndicator[]][]) {
  const asOf = new Date();
  const q = (p: { from: string; to: string }, reads: SharedReads): IndicatorQuery => ({ scope: { all: false, paths: [org.path] }, ...p, reads, asOf });
  const out: Record<string, { figures: Timed; records: Timed & { ids: number } }> = {};
  for (const [module, items] of groups) {
    const figures = await timed(async () => {
      const now = [];
      for (const p of [{ from, to }, previousPeriod(from, to)]) {
        const reads: SharedReads = new Map();
        for (const i of items) now.push(await i.compute(db, q(p, reads)));
      }
      return now.slice(0, items.length);
    });
    const records = await timed(async () => {
      const reads: SharedReads = new Map();
      let ids = 0;
      for (const [k, i] of items.entries()) {
        const r = i.records ? await i.records(db, q({ from, to }, reads), figures.result[k]) : null;
        ids += r ? r.numerator.length + r.denominator.length : 0;
      }
      return ids;
    });
    const { result: _f, ...f } = figures;
    const { result: ids, ...r } = records;
    out[module] = { figures: f, records: { ...r, ids } };
  }
  return out;
}
