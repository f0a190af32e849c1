/**
 * The dashboard's reads of the cells that triggers keep (migration 20261126_0900): counts
 * per month × unit × category × department × employment category, and the acceptance-time
 * histogram per month × unit. Reading a few thousand cells instead of every appeal of the
 * period is what keeps the dashboard fast at a million appeals.
 *
 * Cells are keyed by unit (mine or branch union) and department, so they answer exactly
 * only the cuts made of whole cells: `cellsServe` says which (and what must still be
 * checked against the database, `cellsExact`); the dashboard reads the rows for any other.
 * A department's cell holds each count under the department it is attributed to
 * (migration 20261207_0430): it answers the dashboard's department cut, never a
 * "currently assigned" one, nor a handler's view (appeals currently in their departments).
 * Since 20261207_0900 the cells hold every count of `Counts` but the overdue one (it moves
 * with the clock, not with a write); since 20261207_1210 also the latest answer's lateness
 * counts a department's on-time figures are judged by.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { monthEnd, monthsOf } from '../../core/calendar/months.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { INDICATOR_COLUMNS, type IndicatorRow } from './appeals.indicatorRows.js';
import { conditions, type Eb, type LightClock, orgIn, type RepoFilter, scopeIn, type Visibility, visible } from './appeals.visibility.js';
import { OPEN, ZERO, type Counts } from './appeals.counts.js';
import { adb } from './appeals.tables.js';
import { UNIT_KINDS } from '../../../common/appeals.js';

/** Filters the cells hold as keys; any other one needs the rows. */
const CELL_FILTERS: ReadonlySet<keyof RepoFilter> = new Set(['from', 'to', 'category', 'employmentCategory', 'attributedDepartmentPath', 'orgPath', 'unitId']);

/** The same filter cut by the current department: for the counts of the case (acceptance, overdue), read from the rows. */
const caseFilter = ({ attributedDepartmentPath, ...f }: RepoFilter): RepoFilter =>
  attributedDepartmentPath ? { ...f, departmentPath: attributedDepartmentPath } : f;

export type CellsPlan =
  | { serve: false; why: string }
  | {
      serve: true;
      /** Org subtrees that must hold whole units (see `coversWholeUnits`). */
      unitPaths: string[];
      /** The period ends before its month does: no appeal may lie between it and the month's end. */
      tailAfter: string | null;
      /**
       * Cut by unit at most: the narrow per-unit tables and the acceptance histogram answer
       * it (they hold no department, category or employment category to cut by).
       */
      byUnit: boolean;
    };

const isSet = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * Whether the cells can answer the dashboard for `f` as seen by `vis` (today: Shanghai
 * date). Whole months only: `from` the 1st, `to` a month's last day or not before today
 * (nothing is submitted after today). Scope and org filters work on units and departments.
 */
export function cellsServe(f: RepoFilter, vis: Visibility, today: string): CellsPlan {
  for (const [k, v] of Object.entries(f) as [keyof RepoFilter, unknown][]) {
    if (isSet(v) && !CELL_FILTERS.has(k)) return { serve: false, why: `filter ${k}` };
  }
  if (!f.from || !f.to) return { serve: false, why: 'open period' };
  // A handler sees the appeals now in their departments; the cells hold each department's attributed counts.
  if (!vis.staff.all && (vis.handler.all || vis.handler.paths.length > 0)) return { serve: false, why: 'handler scope' };
  if (!f.from.endsWith('-01')) return { serve: false, why: 'period starts within a month' };
  const whole = f.to === monthEnd(f.to);
  if (!whole && f.to < today) return { serve: false, why: 'period ends within a past month' };
  return {
    serve: true,
    unitPaths: [...(vis.staff.all ? [] : vis.staff.paths), ...(f.orgPath ? [f.orgPath] : [])],
    tailAfter: whole ? null : f.to,
    byUnit: !isSet(f.category) && !isSet(f.employmentCategory) && !f.attributedDepartmentPath,
  };
}

/**
 * Whether every appeal raised in the subtree at `path` has its unit in that subtree (and so
 * `org in subtree` = `unit in subtree`). A root or a unit always does; another node does
 * when none of its orgs outside a unit below it has an appeal.
 */
export async function coversWholeUnits(db: Tx, path: string): Promise<boolean> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 1) return true;
  const a = adb(db);
  const self = await a
    .selectFrom('orgs')
    .select('kind')
    .where('id', '=', ids[ids.length - 1])
    .executeTakeFirst();
  if (!self) return false;
  if (UNIT_KINDS.includes(self.kind)) return true;
  const orgs = await a
    .selectFrom('orgs as o')
    .select(['o.id', 'o.path', 'o.kind'])
    .where((eb) => pathInScope(eb, 'o.path', { all: false, paths: [path] }))
    .execute();
  const units = orgs.filter((o) => UNIT_KINDS.includes(o.kind)).map((o) => o.path);
  const stray = orgs.filter((o) => !units.some((u) => o.path.startsWith(u))).map((o) => o.id);
  for (let i = 0; i < stray.length; i += 500) {
    if (
      await a
        .selectFrom('appeals')
        .select('id')
        .where('org_id', 'in', stray.slice(i, i + 500))
        .limit(1)
        .executeTakeFirst()
    )
      return false;
  }
  return true;
}

/** The checks of a plan that need the database. */
export async function cellsExact(db: Tx, plan: Extract<CellsPlan, { serve: true }>): Promise<boolean> {
  for (const p of plan.unitPaths) if (!(await coversWholeUnits(db, p))) return false;
  if (plan.tailAfter) {
    const after = await adb(db)
      .selectFrom('appeals')
      .select('id')
      .where('submitted_date', '>', plan.tailAfter)
      .where('submitted_date', '<=', monthEnd(plan.tailAfter))
      .limit(1)
      .executeTakeFirst();
    if (after) return false;
  }
  return true;
}

/**
 * The cells in the caller's scope (units: `cellsServe` leaves handler views to the rows)
 * and the filters; `cut` when the table holds the category, department and employment
 * category (the narrow tables are read only when none of them is asked, see `byUnit`).
 */
function cellWhere(eb: Eb, vis: Visibility, f: RepoFilter, cut: boolean): Expression<SqlBool> {
  // The months as an IN list: each month's cells are read by key.
  const months = monthsOf(f.from!, f.to!);
  const c: Expression<SqlBool>[] = [months.length ? eb('c.month', 'in', months) : sql<SqlBool>`1 = 0`];
  if (!vis.staff.all) c.push(scopeIn(eb, 'c.unit_id', vis.staff, false) ?? sql<SqlBool>`1 = 0`);
  if (f.orgPath) c.push(orgIn(eb, 'c.unit_id', { all: false, paths: [f.orgPath] }, false));
  if (f.unitId) c.push(eb('c.unit_id', '=', f.unitId));
  if (cut) {
    if (f.category?.length) c.push(eb('c.category', 'in', [...f.category]));
    if (f.employmentCategory?.length) c.push(eb('c.author_category', 'in', [...f.employmentCategory]));
    if (f.attributedDepartmentPath) c.push(orgIn(eb, 'c.department_id', { all: false, paths: [f.attributedDepartmentPath] }, false));
  }
  return eb.and(c);
}

const COUNT_COLUMNS = [
  'submitted',
  'accepted',
  'done',
  'done_on_time',
  'rated',
  'satisfied',
  'answered',
  'reopened',
  'open',
  'closed',
  'closed_on_time',
  'accepted_on_time',
  'fully_satisfied',
  'done_last_on_time',
  'closed_last_on_time',
] as const;
const FIELD: Record<(typeof COUNT_COLUMNS)[number], keyof Counts> = {
  submitted: 'submitted',
  accepted: 'accepted',
  done: 'done',
  done_on_time: 'doneOnTime',
  rated: 'rated',
  satisfied: 'satisfied',
  answered: 'answered',
  reopened: 'reopened',
  open: 'open',
  closed: 'closed',
  closed_on_time: 'closedOnTime',
  accepted_on_time: 'acceptedOnTime',
  fully_satisfied: 'fullySatisfied',
  done_last_on_time: 'doneLastOnTime',
  closed_last_on_time: 'closedLastOnTime',
};

/** Counts per month, per category and per department ('' = none); overdue is left at 0. */
export interface CellTotals {
  month: Map<string, Counts>;
  category: Map<string, Counts>;
  department: Map<string, Counts>;
}

/**
 * The dashboard's totals per month, category and department from the cells, in one
 * statement that answers a few hundred rows (the summing stays in the database). Only
 * groups holding at least one appeal, merged ones included, as when the rows are folded.
 * The overdue count moves with the clock, not with a write: see `overdueCount`.
 */
export async function cellTotals(db: Tx, vis: Visibility, f: RepoFilter, byUnit: boolean): Promise<CellTotals> {
  const by = (table: 'appeal_cells' | 'appeal_cells_by_category' | 'appeal_cells_by_department', key: 'month' | 'category' | 'department_id') =>
    adb(db)
      .selectFrom(`${table} as c` as 'appeal_cells as c')
      .where((eb) => cellWhere(eb, vis, f, table === 'appeal_cells'))
      .select([sql.lit(key).as('by'), sql.ref(`c.${key}`).as('k'), ...COUNT_COLUMNS.map((k) => sql<string | number>`sum(${sql.ref(`c.${k}`)})`.as(k))])
      .groupBy(`c.${key}`)
      .having(sql<SqlBool>`sum(c.total) > 0`);
  const query = byUnit
    ? by('appeal_cells_by_category', 'month').unionAll(by('appeal_cells_by_category', 'category')).unionAll(by('appeal_cells_by_department', 'department_id'))
    : by('appeal_cells', 'month').unionAll(by('appeal_cells', 'category')).unionAll(by('appeal_cells', 'department_id'));
  const rows = await query.execute();
  const out: CellTotals = { month: new Map(), category: new Map(), department: new Map() };
  for (const r of rows as any[]) {
    const counts = { ...ZERO };
    for (const k of COUNT_COLUMNS) counts[FIELD[k]] = Number(r[k]);
    out[r.by === 'department_id' ? 'department' : (r.by as 'month' | 'category')].set(r.k, counts);
  }
  return out;
}

/**
 * The acceptance histogram of the units in scope, exact where the
 * median lies: whole hours first, then the tenths of the hour(s) holding the middle
 * rank(s). Hours outside stand for all their appeals at one value below or above, which
 * keeps every rank in place, so the median and the count come out as from the full
 * histogram at a fraction of the rows read (plan.byUnit only). `extra`: values the cells
 * do not hold (the caller's own appeals outside scope).
 */
export async function acceptanceHistogram(
  db: Tx,
  vis: Visibility,
  f: RepoFilter,
  extra: ReadonlyMap<number, number> = new Map(),
): Promise<Map<number, number>> {
  const hourly = new Map<number, number>();
  for (const r of await adb(db)
    .selectFrom('appeal_acceptance_hours as c')
    .where((eb) => cellWhere(eb, vis, f, false))
    .select(['c.hours', sql<string | number>`sum(c.n)`.as('n')])
    .groupBy('c.hours')
    .execute()) {
    hourly.set(Number(r.hours), Number(r.n));
  }
  for (const [tenths, n] of extra) hourly.set(Math.floor(tenths / 10), (hourly.get(Math.floor(tenths / 10)) ?? 0) + n);
  const hours = [...hourly.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = hours.reduce((s, [, n]) => s + n, 0);
  const out = new Map<number, number>();
  if (total === 0) return out;
  // The hours holding the 0-based ranks of the middle value(s).
  const ranks = [(total - 1) >> 1, total >> 1];
  const middle = new Set<number>();
  let seen = 0;
  for (const [h, n] of hours) {
    for (const r of ranks) if (r >= seen && r < seen + n) middle.add(h);
    seen += n;
  }
  const lo = Math.min(...middle);
  const hi = Math.max(...middle);
  for (const [h, n] of hours) if (h < lo || h > hi) out.set(h * 10 + (h < lo ? 0 : 9), n);
  const fine = await adb(db)
    .selectFrom('appeal_acceptance_cells as c')
    .where((eb) => eb.and([cellWhere(eb, vis, f, false), eb('c.tenths', '>=', lo * 10), eb('c.tenths', '<=', hi * 10 + 9)]))
    .select(['c.tenths', sql<string | number>`sum(c.n)`.as('n')])
    .groupBy('c.tenths')
    .execute();
  for (const r of fine) out.set(Number(r.tenths), (out.get(Number(r.tenths)) ?? 0) + Number(r.n));
  for (const [tenths, n] of extra) if (tenths >= lo * 10 && tenths <= hi * 10 + 9) out.set(tenths, (out.get(tenths) ?? 0) + n);
  return out;
}

/** Recorded tenths of the accepted, not merged appeals matching `f` in the caller's view, read from the rows. */
export async function acceptanceTenths(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock): Promise<[number, number][]> {
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .where((eb: Eb) =>
      eb.and([conditions(db, eb, vis, caseFilter(f), clock, false), eb('a.status', '!=', 'merged'), eb('a.accept_work_tenths', 'is not', null)]),
    )
    .select(['a.accept_work_tenths as tenths', sql<string | number>`count(*)`.as('n')])
    .groupBy('a.accept_work_tenths')
    .execute();
  return rows.map((r) => [Number(r.tenths), Number(r.n)]);
}

/** Open appeals matching `f` in the caller's view whose deadline day has passed: live, from the rows. */
export async function overdueCount(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock): Promise<number> {
  const [{ n }] = await adb(db)
    .selectFrom('appeals as a')
    .where((eb: Eb) =>
      eb.and([conditions(db, eb, vis, caseFilter(f), clock, false), eb('a.status', 'in', OPEN.split(',')), eb('a.current_due', '<', clock.today)]),
    )
    .select(sql<string | number>`count(*)`.as('n'))
    .execute();
  return Number(n);
}

/**
 * The caller's own appeals outside their staff and handler scopes: the dashboard counts
 * them (as the list does) but the cells in scope do not hold them. Read through the
 * author indexes — a person's appeals, not a period's.
 */
export async function ownOutsideScope(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock): Promise<IndicatorRow[]> {
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .where((eb: Eb) => eb.and([conditions(db, eb, vis, { ...f, mine: true }, clock), sql<SqlBool>`(${visible(eb, vis, true, true)}) is not true`]))
    .select(INDICATOR_COLUMNS)
    .execute();
  return rows.map((r) => ({ ...r, accepted_on_time: Number(r.accepted_on_time) })) as IndicatorRow[];
}
