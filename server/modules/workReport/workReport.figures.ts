/**
 * Every registered indicator, counted for one org subtree and period. The work report
 * imports no practice module: it loops over the core registry, so a practice added
 * tomorrow appears on the dashboard and in the report without a line here.
 */
import type { Db } from '../../core/db/database.js';
import { indicators, type RegisteredIndicator } from '../../core/indicators/indicators.registry.js';
import type { IndicatorQuery, SharedReads } from '../../core/indicators/indicator.js';
import { recordsOf, type FigureRecords } from './workReport.records.js';
import type { Figure } from '../../../common/figure.js';
import type { DashboardFigure, SnapshotFigure, Threshold } from '../../../common/schemas/workReport.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { previousPeriod, trendBuckets, wholeWeeksBefore } from '../../../common/workReport.js';

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
export function countOver(db: Db, ind: RegisteredIndicator, org: OrgRef, from: string, to: string, reads?: SharedReads, asOf?: Date): Promise<Figure> {
  return ind.compute(db, queryOver(org, from, to, reads, asOf));
}

const queryOver = (org: OrgRef, from: string, to: string, reads?: SharedReads, asOf?: Date): IndicatorQuery => ({
  scope: { all: false, paths: [org.path] },
  from,
  to,
  reads,
  asOf,
});

/**
 * One module's figures over each period, period by period: the figures of a period share one
 * batch of reads (a module's rows are read once, not once per figure), and the batch is dropped
 * before the next period, so at most one period's rows are held at a time.
 */
async function countPeriods(
  db: Db,
  items: readonly RegisteredIndicator[],
  org: OrgRef,
  periods: readonly { from: string; to: string }[],
  asOf: Date,
): Promise<Figure[][]> {
  const out: Figure[][] = items.map(() => []);
  for (const p of periods) {
    const reads: SharedReads = new Map();
    for (let i = 0; i < items.length; i++) out[i].push(await countOver(db, items[i], org, p.from, p.to, reads, asOf));
  }
  return out;
}

const counted = (f: Figure) => ({ value: f.value, numerator: f.numerator, denominator: f.denominator });

/** A threshold alerts when the figure has a value on the wrong side of it (a rate's threshold is a share, 0.9 = 90 %). */
export function crosses(t: Threshold | null | undefined, value: number | null): boolean {
  if (!t || value === null) return false;
  return t.direction === 'below' ? value < t.value : value > t.value;
}

/**
 * A threshold held for weeks: the figure of each of its last whole weeks, and whether every one
 * of them crossed it (a week with nothing to count has no figure, so it breaks the run).
 */
async function weeksBelow(db: Db, ind: RegisteredIndicator, org: OrgRef, t: Threshold & { weeks: number }, to: string, asOf: Date) {
  const weeks = [];
  for (const w of wholeWeeksBefore(to, shanghaiDate(asOf), t.weeks))
    weeks.push({ ...w, value: (await countOver(db, ind, org, w.from, w.to, undefined, asOf)).value });
  return { weeks, alert: weeks.every((w) => crosses(t, w.value)) };
}

/** `asOf`: the request's instant, one clock for every figure (thresholds held for whole weeks count only weeks already over). */
export async function dashboardGroups(db: Db, org: OrgRef, from: string, to: string, thresholds: Map<string, Threshold>, asOf: Date) {
  const prev = previousPeriod(from, to);
  const buckets = trendBuckets(from, to);
  const groups: { module: string; items: DashboardFigure[] }[] = [];
  for (const g of byModule()) {
    const items: DashboardFigure[] = [];
    const counts = await countPeriods(db, g.items, org, [{ from, to }, prev, ...buckets], asOf);
    for (const [i, ind] of g.items.entries()) {
      const [current, previous, ...inBuckets] = counts[i];
      const trend = buckets.map((b, k) => ({ ...b, value: inBuckets[k].value }));
      const threshold = thresholds.get(ind.key) ?? null;
      const held = threshold?.weeks ? await weeksBelow(db, ind, org, { ...threshold, weeks: threshold.weeks }, to, asOf) : null;
      items.push({
        key: ind.key,
        label: ind.label,
        definition: ind.definition,
        unit: ind.unit,
        ...(ind.aspect ? { aspect: ind.aspect } : {}),
        ...(ind.drillPage ? { drillPage: ind.drillPage } : {}),
        current: counted(current),
        previous: counted(previous),
        trend,
        drill: current.drill,
        threshold,
        alert: held ? held.alert : crosses(threshold, current.value),
        alertWeeks: held?.weeks ?? null,
      });
    }
    groups.push({ module: g.module, items });
  }
  return { previous: prev, groups };
}

/** Reference codes in the order the report prints the figures: F-01, F-02, … */
export const refCode = (n: number) => `F-${String(n).padStart(2, '0')}`;

/**
 * The report's figures, each counted now and frozen; `progress` hears the share done after each module (and which: bench times them).
 * `thresholds`: the org's, frozen with the figures as their targets, so an issued report keeps the target it was written against.
 * `asOf`: the generation's one clock. `records` hears the ids behind each figure of the period whose practice names them.
 */
export async function snapshotFigures(
  db: Db,
  org: OrgRef,
  from: string,
  to: string,
  progress: (done: number, of: number, module: string) => Promise<void>,
  thresholds: ReadonlyMap<string, Threshold> = new Map(),
  asOf: Date = new Date(),
  records?: (r: FigureRecords) => void,
): Promise<SnapshotFigure[]> {
  const prev = previousPeriod(from, to);
  const groups = byModule();
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const out: SnapshotFigure[] = [];
  for (const g of groups) {
    const counts = await countPeriods(db, g.items, org, [{ from, to }, prev], asOf);
    // The module's record reads of the period: figures sharing a drill's filters (four appeal rates share 'accepted') read them once.
    const recordReads: SharedReads = new Map();
    for (const [i, ind] of g.items.entries()) {
      const [f, p] = counts[i];
      const ref = refCode(out.length + 1);
      if (records) {
        const r = await recordsOf(db, ind, queryOver(org, from, to, recordReads, asOf), f, ref);
        if (r) records(r);
      }
      out.push({
        ref,
        key: ind.key,
        module: ind.module,
        label: ind.label,
        definition: ind.definition,
        unit: ind.unit,
        ...(ind.aspect ? { aspect: ind.aspect } : {}),
        ...(ind.drillPage ? { drillPage: ind.drillPage } : {}),
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        previous: counted(p),
        target: thresholds.get(ind.key) ?? null,
        drill: f.drill,
        query: { orgId: org.id, orgPath: org.path, from, to, asOf: asOf.toISOString() },
      });
    }
    await progress(out.length, total, g.module);
  }
  return out;
}
