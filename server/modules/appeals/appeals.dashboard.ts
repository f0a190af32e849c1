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

  const calendars = new Map<string, WorkCalendar>();
  for (const path of new Set(rows.map((r) => r.org_path))) calendars.set(path, await calendarFor(db, path));
  const calendarOf = (path: string) => calendars.get(path)!;

  const byMonth: Dashboard['byMonth'] = [];
  for (let month = effective.from!.slice(0, 7); month <= effective.to!.slice(0, 7); month = nextMonth(month)) {
    const start = month === effective.from!.slice(0, 7) ? effective.from! : `${month}-01`;
    const end = month === effective.to!.slice(0, 7) ? effective.to! : monthEnd(month);
    const part = rows.filter((r) => r.submitted_date >= start && r.submitted_date <= end);
    const b = { ...base, from: start, to: end };
    byMonth.push({ month, submitted: within(b, ind.submitted(part)), closureRate: within(b, ind.closureRate(part)), satisfactionRate: within(b, ind.satisfactionRate(part)) });
  }

  const categories = effective.category ?? APPEAL_CATEGORIES;
  const byCategory: Dashboard['byCategory'] = categories.map((category) => {
    const part = rows.filter((r) => r.category === category);
    const b = { ...base, category };
    return { category, submitted: within(b, ind.submitted(part)), closureRate: within(b, ind.closureRate(part)), satisfactionRate: within(b, ind.satisfactionRate(part)) };
  });

  // A department's figures cover its subtree, as the departmentId filter does.
  const departments = new Map<string, { name: string; path: string }>();
  for (const r of rows) if (r.department_id) departments.set(r.department_id, { name: r.department_name ?? '', path: r.department_path! });
  const byDepartment: Dashboard['byDepartment'] = [...departments.entries()]
    .map(([id, d]) => {
      const part = rows.filter((r) => r.department_path?.startsWith(d.path));
      const b = { ...base, departmentId: id };
      return { department: { id, name: d.name }, assigned: within(b, ind.submitted(part)), onTimeClosureRate: within(b, ind.onTimeClosureRate(part)), satisfactionRate: within(b, ind.satisfactionRate(part)) };
    })
    .sort((a, b) => b.assigned.numerator - a.assigned.numerator || a.department.name.localeCompare(b.department.name));

  return {
    filter: base,
    total: within(base, ind.submitted(rows)),
    indicators: {
      acceptanceHours: within(base, ind.acceptanceHours(rows, calendarOf)),
      onTimeClosureRate: within(base, ind.onTimeClosureRate(rows)),
      closureRate: within(base, ind.closureRate(rows)),
      satisfactionRate: within(base, ind.satisfactionRate(rows)),
      reopenRate: within(base, ind.reopenRate(rows)),
      overdueCount: within(base, ind.overdueCount(rows, clock)),
    },
    byMonth,
    byCategory,
    byDepartment,
  };
}
