/**
 * The appeals dashboard and the list filters both read through `resolveFilter`, so a
 * figure's drill-down (dashboard filters + the figure's own) lists exactly the appeals it
 * counted.
 */
import type { Db } from '../../core/db/database.js';
import { forbidden, notFound } from '../../core/errors.js';
import { hasPermission, type Actor } from '../../core/rbac/actor.js';
import { addDays, shanghaiDate, type WorkCalendar } from '../../core/calendar/calendar.js';
import { APPEAL_CATEGORIES, APPEAL_PERMISSIONS as P } from '../../../common/appeals.js';
import type { AppealFilter, Dashboard, DashboardQuery, Figure } from '../../../common/schemas/appeals.js';
import * as repo from './appeals.repository.js';
import * as ind from './appeals.indicators.js';
import { calendarFor, lightClock } from './deadlines.js';
import { visibilityOf } from './appeals.policy.js';
import { departmentLabels } from './departments.js';

/** Query filters → repository filters: org ids become subtree paths (404 for an unknown one). */
export async function resolveFilter(db: Db, f: AppealFilter): Promise<repo.RepoFilter> {
  const path = async (id: string | undefined) => {
    if (!id) return undefined;
    const org = await repo.findOrg(db, id);
    if (!org) throw notFound();
    return org.path;
  };
  const { orgId, departmentId, ...rest } = f;
  return { ...rest, orgPath: await path(orgId), departmentPath: await path(departmentId) };
}

function toParams(q: DashboardQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  }
  return out;
}

/** The figure's drill-downs with the dashboard's own filters under them. */
function within(base: Record<string, string>, f: Figure): Figure {
  return { ...f, drill: { numerator: { ...base, ...f.drill.numerator }, denominator: { ...base, ...f.drill.denominator } } };
}

const monthEnd = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function dashboard(db: Db, actor: Actor, q: DashboardQuery, now = new Date()): Promise<Dashboard> {
  if (!hasPermission(actor, P.manage) && !hasPermission(actor, P.handle)) throw forbidden();
  const today = shanghaiDate(now);
  // Default period: this month and the eleven before it.
  const [y, m] = today.split('-').map(Number);
  const from = q.from ?? (m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`);
  const effective: DashboardQuery = { ...q, from, to: q.to ?? today };
  const base = toParams(effective);
  const clock = await lightClock(db, now);
  const rows = await repo.indicatorRows(db, visibilityOf(actor), await resolveFilter(db, effective), clock);
  // One pass: counts per month × category × department; the figures are ratios of those.
  interface Cell extends ind.Counts {
    month: string;
    category: string;
    department_id: string | null;
  }
  const cellsByKey = new Map<string, Cell>();
  for (const r of rows) {
    const month = r.submitted_date.slice(0, 7);
    const key = `${month}|${r.category}|${r.department_id ?? ''}`;
    let cell = cellsByKey.get(key);
    if (!cell) cellsByKey.set(key, (cell = { ...ind.ZERO, month, category: r.category, department_id: r.department_id }));
    ind.count(cell, r, clock.today);
  }
  const cells = [...cellsByKey.values()];
  const sum = (part: Cell[]) => part.reduce<ind.Counts>((acc, c) => ind.addCounts(acc, c), ind.ZERO);
  // Totals per month, per category and per department, each from one pass over the cells
  // (filtering the cells once per month, category and department grew with their product).
  const totals = (keyOf: (c: Cell) => string | null) => {
    const out = new Map<string, ind.Counts>();
    for (const c of cells) {
      const k = keyOf(c);
      if (k !== null) out.set(k, ind.addCounts(out.get(k) ?? ind.ZERO, c));
    }
    return out;
  };
  const perMonth = totals((c) => c.month);
  const perCategory = totals((c) => c.category);
  const perDepartment = totals((c) => c.department_id);

  // Each author org's own calendar (its and its ancestors' closures count). Orgs under the
  // same closures share one calendar, so a working day is looked up once per calendar.
  const closures = await repo.calendarOverridePaths(db);
  const byClosures = new Map<string, WorkCalendar>();
  const calendars = new Map<string, WorkCalendar>();
  for (const org of await repo.orgsByIds(db, [...new Set(rows.map((r) => r.org_id))])) {
    const key = closures.filter((p) => org.path.startsWith(p)).join('|');
    if (!byClosures.has(key)) byClosures.set(key, await calendarFor(db, org.path));
    calendars.set(org.id, byClosures.get(key)!);
  }
  const calendarOf = (orgId: string) => calendars.get(orgId)!;

  const byMonth: Dashboard['byMonth'] = [];
  for (let month = effective.from!.slice(0, 7); month <= effective.to!.slice(0, 7); month = nextMonth(month)) {
    const start = month === effective.from!.slice(0, 7) ? effective.from! : `${month}-01`;
    const end = month === effective.to!.slice(0, 7) ? effective.to! : monthEnd(month);
    const c = perMonth.get(month) ?? ind.ZERO;
    const b = { ...base, from: start, to: end };
    byMonth.push({ month, submitted: within(b, ind.submittedOf(c)), closureRate: within(b, ind.closureRateOf(c)), satisfactionRate: within(b, ind.satisfactionRateOf(c)) });
  }

  const categories = effective.category ?? APPEAL_CATEGORIES;
  const byCategory: Dashboard['byCategory'] = categories.map((category) => {
    const c = perCategory.get(category) ?? ind.ZERO;
    const b = { ...base, category };
    return { category, submitted: within(b, ind.submittedOf(c)), closureRate: within(b, ind.closureRateOf(c)), satisfactionRate: within(b, ind.satisfactionRateOf(c)) };
  });

  // A department's figures cover its subtree, as the departmentId filter does.
  const deptIds = [...new Set(cells.map((c) => c.department_id).filter((id): id is string => !!id))];
  const depts = await repo.orgsByIds(db, deptIds);
  const labels = await departmentLabels(db, depts.map((d) => d.path));
  const pathOf = new Map(depts.map((d) => [d.id, d.path]));
  const byDepartment: Dashboard['byDepartment'] = depts
    .map((d) => {
      let c = ind.ZERO;
      for (const [id, counts] of perDepartment) if (pathOf.get(id)?.startsWith(d.path)) c = ind.addCounts(c, counts);
      const b = { ...base, departmentId: d.id };
      return {
        department: { id: d.id, name: d.name, label: labels.get(d.path) ?? d.name },
        assigned: within(b, ind.submittedOf(c)),
        onTimeClosureRate: within(b, ind.onTimeClosureRateOf(c)),
        satisfactionRate: within(b, ind.satisfactionRateOf(c)),
      };
    })
    .sort((a, b) => b.assigned.numerator - a.assigned.numerator || a.department.label.localeCompare(b.department.label));

  const all = sum(cells);
  return {
    filter: base,
    total: within(base, ind.submittedOf(all)),
    indicators: {
      acceptanceHours: within(base, ind.acceptanceHours(rows, calendarOf)),
      onTimeClosureRate: within(base, ind.onTimeClosureRateOf(all)),
      closureRate: within(base, ind.closureRateOf(all)),
      satisfactionRate: within(base, ind.satisfactionRateOf(all)),
      reopenRate: within(base, ind.reopenRateOf(all)),
      overdueCount: within(base, ind.overdueCountOf(all)),
    },
    byMonth,
    byCategory,
    byDepartment,
  };
}
