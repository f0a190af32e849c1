/**
 * Every registered indicator, counted for one org subtree and period. The work report
 * imports no practice module: it loops over the core registry, so a practice added
 * tomorrow appears on the dashboard and in the report without a line here.
 */
import type { Db } from '../../core/db/database.js';
import { indicators, type RegisteredIndicator } from '../../core/indicators/indicators.registry.js';
import type { Figure } from '../../../common/figure.js';
import type { DashboardFigure, SnapshotFigure, Threshold } from '../../../common/schemas/workReport.js';
import { previousPeriod, trendBuckets } from '../../../common/workReport.js';

export interface OrgRef {
  id: string;
  name: string;
  path: string;
}

/** The indicators in registry order, grouped by module in the order modules first appear. */
export function byModule(list: readonly RegisteredIndicator[] = indicators()): { module: string; items: RegisteredIndicator[] }[] {
  const groups = new Map<string, RegisteredIndicator[]>();
  for (const i of list) groups.set(i.module, [...(groups.get(i.module) ?? []), i]);
  return [...groups].map(([module, items]) => ({ module, items }));
}

/** The figure over the org's whole subtree: the org was checked against the viewer's scope before. */
export function countOver(db: Db, ind: RegisteredIndicator, org: OrgRef, from: string, to: string): Promise<Figure> {
  return ind.compute(db, { scope: { all: false, paths: [org.path] }, from, to });
}

const counted = (f: Figure) => ({ value: f.value, numerator: f.numerator, denominator: f.denominator });

/** A threshold alerts when the figure has a value on the wrong side of it (a rate's threshold is a share, 0.9 = 90 %). */
export function crosses(t: Threshold | null | undefined, value: number | null): boolean {
  if (!t || value === null) return false;
  return t.direction === 'below' ? value < t.value : value > t.value;
}

export async function dashboardGroups(db: Db, org: OrgRef, from: string, to: string, thresholds: Map<string, Threshold>) {
  const prev = previousPeriod(from, to);
  const buckets = trendBuckets(from, to);
  const groups: { module: string; items: DashboardFigure[] }[] = [];
  for (const g of byModule()) {
    const items: DashboardFigure[] = [];
    for (const ind of g.items) {
      const current = await countOver(db, ind, org, from, to);
      const previous = await countOver(db, ind, org, prev.from, prev.to);
      const trend = [];
      for (const b of buckets) trend.push({ ...b, value: (await countOver(db, ind, org, b.from, b.to)).value });
      const threshold = thresholds.get(ind.key) ?? null;
      items.push({
        key: ind.key,
        label: ind.label,
        definition: ind.definition,
        unit: ind.unit,
        current: counted(current),
        previous: counted(previous),
        trend,
        drill: current.drill,
        threshold,
        alert: crosses(threshold, current.value),
      });
    }
    groups.push({ module: g.module, items });
  }
  return { previous: prev, groups };
}

/** Reference codes in the order the report prints the figures: F-01, F-02, … */
export const refCode = (n: number) => `F-${String(n).padStart(2, '0')}`;

/** The report's figures, each counted now and frozen; `progress` hears the share done after each. */
export async function snapshotFigures(db: Db, org: OrgRef, from: string, to: string, progress: (done: number, of: number) => Promise<void>): Promise<SnapshotFigure[]> {
  const prev = previousPeriod(from, to);
  const list = byModule().flatMap((g) => g.items);
  const out: SnapshotFigure[] = [];
  for (const ind of list) {
    const f = await countOver(db, ind, org, from, to);
    const p = await countOver(db, ind, org, prev.from, prev.to);
    out.push({
      ref: refCode(out.length + 1),
      key: ind.key,
      module: ind.module,
      label: ind.label,
      definition: ind.definition,
      unit: ind.unit,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      previous: counted(p),
      drill: f.drill,
      query: { orgId: org.id, orgPath: org.path, from, to },
    });
    await progress(out.length, list.length);
  }
  return out;
}
