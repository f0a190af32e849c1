/**
 * The appeals dashboard and the list filters both read through `resolveFilter`, so a
 * figure's drill-down (dashboard filters + the figure's own) lists exactly the appeals it
 * counted.
 *
 * Its counts come from the cells the database keeps per month × unit × category ×
 * department × employment category (appeals.cells.ts) whenever the cut is made of whole
 * cells — the default view, a category, a department, an employment category, a mine —
 * and from the period's rows otherwise; both give the same figures.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { addMonths, monthEnd, monthsOf } from '../../core/calendar/months.js';
import { APPEAL_CATEGORIES, APPEAL_PERMISSIONS as P } from '../../../common/appeals.js';
import type { AppealFilter, Dashboard, DashboardQuery, Figure } from '../../../common/schemas/appeals.js';
import { orgBrief, orgIdsUnder, orgsByIds } from '../../core/org/lookups.js';
import { type IndicatorRow, indicatorRows } from './appeals.indicatorRows.js';
import type { LightClock, RepoFilter, Visibility } from './appeals.visibility.js';
import * as ind from './appeals.indicators.js';
import * as cells from './appeals.cells.js';
import { lightClock } from './deadlines.js';
import { visibilityOf } from './appeals.policy.js';
import { departmentLabels } from './departments.js';

/** Query filters → repository filters: org ids become subtree paths (404 for an unknown one). */
export async function resolveFilter(db: Db, f: AppealFilter): Promise<RepoFilter> {
  const path = async (id: string | undefined) => {
    if (!id) return undefined;
    const org = await orgBrief(db, id);
    if (!org) throw notFound();
    return org.path;
  };
  const { orgId, departmentId, ratedDepartmentId, firstAnswerDepartmentId, ...rest } = f;
  return {
    ...rest,
    orgPath: await path(orgId),
    departmentPath: await path(departmentId),
    ratedDepartmentPath: await path(ratedDepartmentId),
    firstAnswerDepartmentPath: await path(firstAnswerDepartmentId),
  };
}

function toParams(q: DashboardQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  }
  return out;
}

/** The list filter that cuts a group's appeals by department: the department each figure is attributed to. */
const DEPARTMENT_FILTER: Record<ind.Group, string> = { case: 'departmentId', answer: 'firstAnswerDepartmentId', rating: 'ratedDepartmentId' };

/**
 * The figure's drill-downs with the dashboard's own filters under them; a department cut
 * becomes the filter of the department the figure is attributed to (`FIGURE_GROUP`), so
 * the list shows exactly the appeals the figure counted.
 */
function within(base: Record<string, string>, f: Figure, key: keyof typeof ind.FIGURE_GROUP): Figure {
  const { departmentId, ...rest } = base;
  const cut = departmentId ? { ...rest, [DEPARTMENT_FILTER[ind.FIGURE_GROUP[key]]]: departmentId } : base;
  return { ...f, drill: { numerator: { ...cut, ...f.drill.numerator }, denominator: { ...cut, ...f.drill.denominator } } };
}

/** Which read answers the dashboard: 'auto' takes the cells whenever they answer exactly. */
export type DashboardPath = 'auto' | 'cells' | 'rows';

/** Counts per month, per category and per department (its own appeals, not its subtree's). */
interface Folded {
  perMonth: Map<string, ind.Counts>;
  perCategory: Map<string, ind.Counts>;
  perDepartment: Map<string, ind.Counts>;
  overdue: number;
  acceptance: ind.TenthsHistogram;
}

/**
 * Adds the rows to their month, category and department (counted once per month × category
 * × department, then summed), each count under the department it is attributed to, as the
 * cell triggers part an appeal. `cut`: the ids of a department cut's subtree — a row counts
 * there only for what is attributed inside it.
 */
function fold(into: Omit<Folded, 'overdue' | 'acceptance'>, rows: IndicatorRow[], today: string, cut: ReadonlySet<string> | null) {
  const cells = new Map<string, { month: string; category: string; department: string; counts: ind.Counts }>();
  for (const r of rows) {
    const month = r.submitted_date.slice(0, 7);
    const touched = new Map<string, Set<ind.Group>>();
    for (const g of ind.GROUPS) {
      const d = ind.departmentOf(r, g);
      if (!cut || cut.has(d)) touched.set(d, (touched.get(d) ?? new Set<ind.Group>()).add(g));
    }
    for (const [department, groups] of touched) {
      const key = `${month}|${r.category}|${department}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { month, category: r.category, department, counts: { ...ind.ZERO } }));
      ind.count(cell.counts, r, today, groups);
    }
  }
  const add = (map: Map<string, ind.Counts>, key: string, c: ind.Counts) => map.set(key, ind.addCounts(map.get(key) ?? ind.ZERO, c));
  for (const c of cells.values()) {
    add(into.perMonth, c.month, c.counts);
    add(into.perCategory, c.category, c.counts);
    if (c.department) add(into.perDepartment, c.department, c.counts);
  }
}

/** Every appeal of the period in one pass: for cuts the cells do not hold (status, urgency, a team…). */
async function fromRows(db: Db, vis: Visibility, f: RepoFilter, clock: LightClock, cut: ReadonlySet<string> | null): Promise<Folded> {
  const rows = await indicatorRows(db, vis, f, clock);
  const folded = { perMonth: new Map(), perCategory: new Map(), perDepartment: new Map() };
  fold(folded, rows, clock.today, cut);
  let overdue = 0;
  for (const c of folded.perMonth.values()) overdue += c.overdue;
  // The median of acceptance belongs to the case: the rows whose case is in the cut.
  return { ...folded, overdue, acceptance: ind.tenthsHistogram(cut ? rows.filter((r) => cut.has(r.department_id ?? '')) : rows) };
}

/**
 * The cells the triggers keep, plus what they cannot hold: the overdue count (it moves
 * with the clock) and the caller's own appeals outside their scope, both from the rows.
 */
async function fromCells(db: Db, vis: Visibility, f: RepoFilter, clock: LightClock, byUnit: boolean, cut: ReadonlySet<string> | null): Promise<Folded> {
  const totals = await cells.cellTotals(db, vis, f, byUnit);
  const own = await cells.ownOutsideScope(db, vis, f, clock);
  totals.department.delete('');
  const folded = { perMonth: totals.month, perCategory: totals.category, perDepartment: totals.department };
  fold(folded, own, clock.today, cut);
  let acceptance: ind.TenthsHistogram;
  if (byUnit) {
    acceptance = await cells.acceptanceHistogram(db, vis, f, ind.tenthsHistogram(own));
  } else {
    acceptance = await cells.acceptanceTenths(db, vis, f, clock);
  }
  return { ...folded, overdue: await cells.overdueCount(db, vis, f, clock), acceptance };
}

export async function dashboard(db: Db, actor: Actor, q: DashboardQuery, now = new Date(), path: DashboardPath = 'auto'): Promise<Dashboard> {
  if (!hasPermission(actor, P.manage) && !hasPermission(actor, P.handle)) throw forbidden();
  const today = shanghaiDate(now);
  // Default period: this month and the eleven before it.
  const from = q.from ?? `${addMonths(today, -11)}-01`;
  const effective: DashboardQuery = { ...q, from, to: q.to ?? today };
  const base = toParams(effective);
  const clock = await lightClock(db, now);
  const vis = visibilityOf(actor);
  const resolved = await resolveFilter(db, effective);
  // A department cut counts each figure for the department it is attributed to (指标口径), not the current one alone.
  const { departmentPath, ...rest } = resolved;
  const filter: RepoFilter = departmentPath ? { ...rest, attributedDepartmentPath: departmentPath } : resolved;
  const cut = departmentPath ? await orgIdsUnder(db, departmentPath) : null;
  const plan = path === 'rows' ? null : cells.cellsServe(filter, vis, today);
  const useCells = !!plan?.serve && (await cells.cellsExact(db, plan));
  if (path === 'cells' && !useCells) throw new Error(`the cells cannot answer this dashboard (${plan?.serve ? 'units or period' : plan?.why})`);
  const { perMonth, perCategory, perDepartment, overdue, acceptance } = useCells
    ? await fromCells(db, vis, filter, clock, plan!.serve && plan.byUnit, cut)
    : await fromRows(db, vis, filter, clock, cut);

  const byMonth: Dashboard['byMonth'] = [];
  for (const month of monthsOf(effective.from!, effective.to!)) {
    const start = month === effective.from!.slice(0, 7) ? effective.from! : `${month}-01`;
    const end = month === effective.to!.slice(0, 7) ? effective.to! : monthEnd(month);
    const c = perMonth.get(month) ?? ind.ZERO;
    const b = { ...base, from: start, to: end };
    // Not over yet (or cut by the period): its rates are "so far", drawn apart rather than read as a drop.
    const partial = start !== `${month}-01` || end !== monthEnd(month) || monthEnd(month) >= today;
    byMonth.push({
      month,
      partial,
      submitted: within(b, ind.submittedOf(c), 'submitted'),
      closureRate: within(b, ind.closureRateOf(c), 'closureRate'),
      satisfactionRate: within(b, ind.satisfactionRateOf(c), 'satisfactionRate'),
    });
  }

  const categories = effective.category ?? APPEAL_CATEGORIES;
  const byCategory: Dashboard['byCategory'] = categories.map((category) => {
    const c = perCategory.get(category) ?? ind.ZERO;
    const b = { ...base, category };
    return {
      category,
      submitted: within(b, ind.submittedOf(c), 'submitted'),
      closureRate: within(b, ind.closureRateOf(c), 'closureRate'),
      satisfactionRate: within(b, ind.satisfactionRateOf(c), 'satisfactionRate'),
    };
  });

  // A department's figures cover its subtree, as the departmentId filter does.
  const deptIds = [...perDepartment.keys()];
  const depts = await orgsByIds(db, deptIds);
  const labels = await departmentLabels(
    db,
    depts.map((d) => d.path),
  );
  const pathOf = new Map(depts.map((d) => [d.id, d.path]));
  const byDepartment: Dashboard['byDepartment'] = depts
    .map((d) => {
      let c = ind.ZERO;
      for (const [id, counts] of perDepartment) if (pathOf.get(id)?.startsWith(d.path)) c = ind.addCounts(c, counts);
      const b = { ...base, departmentId: d.id };
      return {
        department: { id: d.id, name: d.name, label: labels.get(d.path) ?? d.name },
        assigned: within(b, ind.submittedOf(c), 'submitted'),
        // The department is judged on its own round (指标口径), not on an earlier department's lateness.
        onTimeClosureRate: within(b, ind.onTimeClosureRateOf(c, 'department'), 'onTimeClosureRate'),
        satisfactionRate: within(b, ind.satisfactionRateOf(c), 'satisfactionRate'),
      };
    })
    .sort((a, b) => b.assigned.numerator - a.assigned.numerator || a.department.label.localeCompare(b.department.label));

  let all = ind.ZERO;
  for (const c of perMonth.values()) all = ind.addCounts(all, c);
  all = { ...all, overdue };
  // A department cut, or a handler's view (the appeals now in their departments), shows a department's
  // figures: its on-time rates judge its own round (指标口径).
  const handlerView = !vis.staff.all && vis.staff.paths.length === 0;
  const rule: ind.OnTimeRule = departmentPath || handlerView ? 'department' : 'appeal';
  return {
    filter: base,
    total: within(base, ind.submittedOf(all), 'submitted'),
    indicators: {
      acceptanceHours: within(base, ind.acceptanceHoursOf(acceptance), 'acceptanceHours'),
      acceptedOnTimeRate: within(base, ind.acceptedOnTimeRateOf(all), 'acceptedOnTimeRate'),
      answerRate: within(base, ind.answerRateOf(all), 'answerRate'),
      onTimeAnswerRate: within(base, ind.onTimeAnswerRateOf(all, rule), 'onTimeAnswerRate'),
      closureRate: within(base, ind.closureRateOf(all), 'closureRate'),
      onTimeClosureRate: within(base, ind.onTimeClosureRateOf(all, rule), 'onTimeClosureRate'),
      satisfactionRate: within(base, ind.satisfactionRateOf(all), 'satisfactionRate'),
      satisfiedShare: within(base, ind.satisfiedShareOf(all), 'satisfiedShare'),
      reopenRate: within(base, ind.reopenRateOf(all), 'reopenRate'),
      overdueCount: within(base, ind.overdueCountOf(all), 'overdueCount'),
    },
    byMonth,
    byCategory,
    byDepartment,
  };
}
