/**
 * Who sees which appeal, as SQL: the viewer's visibility, the list filters, the list parts and
 * the columns every read may carry. Reads never select who wrote an anonymous appeal: author
 * columns come through `case when anonymous = 0`, so no presenter, export or search can leak
 * them by mistake (`revealAuthor` in appeals.detail.ts is the one exception, audited by the service).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import { prefixUpper } from '../../core/db/dialect.js';
import { searchRefs } from '../../core/search/search.js';
import type { Light } from '../../../common/appeals.js';
import { adb } from './appeals.tables.js';

export const SEARCH_INDEX = 'appeal_search';

/**
 * The search filter `q` looks among the newest this many appeals that contain its words,
 * and the other filters and the scope apply within them: a common word reads this many
 * index entries, not every appeal that holds it. A list that reached the bound says its
 * total is a lower bound (`totalCapped`).
 */
export const SEARCH_NEWEST = 5_000;

/** Who is looking: their own appeals, plus the subtrees where they are staff or handler. */
export interface Visibility {
  accountId: string;
  personId: string | null;
  staff: Scope;
  handler: Scope;
}

/** Filters with org ids already resolved to paths by the service. */
export interface RepoFilter {
  q?: string;
  status?: readonly string[];
  category?: readonly string[];
  urgency?: readonly string[];
  rating?: readonly string[];
  light?: readonly Light[];
  employmentCategory?: readonly string[];
  orgPath?: string;
  departmentPath?: string;
  /** The department whose answer the latest rating rated (a figure's drill, see 指标口径). */
  ratedDepartmentPath?: string;
  /** The department that gave the first answer (the reopen rate's drill). */
  firstAnswerDepartmentPath?: string;
  /**
   * The dashboard's department cut: appeals with any of their three departments (current,
   * first answer, rated) in the subtree; the fold then counts each figure only for the
   * department it is attributed to (appeals.indicators.ts, `departmentOf`).
   */
  attributedDepartmentPath?: string;
  unitId?: string;
  groupAlertId?: string;
  from?: string;
  to?: string;
  anonymous?: boolean;
  rated?: boolean;
  reopened?: boolean;
  late?: boolean;
  /** The latest answer came after its round's deadline (a department's own round, 指标口径). */
  lastAnswerLate?: boolean;
  acceptedLate?: boolean;
  answered?: boolean;
  accepted?: boolean;
  mine?: boolean;
}

/** Today and the second working day after it (Shanghai dates): the 红黄灯 boundaries. */
export interface LightClock {
  today: string;
  soon: string;
}

export const SORT_COLUMNS = {
  submittedAt: 'a.submitted_at',
  dueDate: 'a.current_due',
  code: 'a.code',
  status: 'a.status',
  category: 'a.category',
  urgency: 'a.urgency',
  updatedAt: 'a.updated_at',
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;
export function base(db: Tx) {
  return adb(db)
    .selectFrom('appeals as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('orgs as u', 'u.id', 'a.unit_id')
    .leftJoin('orgs as d', 'd.id', 'a.department_id')
    .leftJoin('persons as p', 'p.id', 'a.author_person_id')
    .leftJoin('accounts as acc', 'acc.id', 'a.author_account_id');
}

export type Eb = ExpressionBuilder<any, any>;

function mineExpr(eb: Eb, vis: Visibility) {
  const own = [eb('a.author_account_id', '=', vis.accountId)];
  if (vis.personId) own.push(eb('a.author_person_id', '=', vis.personId));
  return eb.or(own);
}

/**
 * `column in (ids of the org nodes inside scope)`: the scope test needs no join, so a
 * list can walk an ordering index and stop after one page. `indexed: false` hides the
 * column from the planner (`|| ''`, valid on both engines) where walking the ordering
 * index beats collecting every appeal of a wide scope and sorting it (and where the
 * dashboard cells are read month by month off their key, appeals.cells.ts).
 */
export function orgIn(eb: Eb, column: string, scope: Scope, indexed: boolean): Expression<SqlBool> {
  return scopeIn(eb, column, scope, indexed) ?? sql<SqlBool>`1 = 0`;
}

/**
 * `orgIn`, or null for an empty scope: an OR must leave the branch out rather than carry
 * `or 1 = 0`, because SQLite gives up every index for a disjunction with a constant branch.
 */
export function scopeIn(eb: Eb, column: string, scope: Scope, indexed: boolean): Expression<SqlBool> | null {
  if (scope.all) return sql<SqlBool>`${indexed ? sql.ref(column) : sql`${sql.ref(column)} || ''`} is not null`;
  if (scope.paths.length === 0) return null;
  const ids = eb
    .selectFrom('orgs as so')
    .select('so.id')
    .where((e: Eb) => pathInScope(e, 'so.path', scope));
  return eb(indexed ? sql.ref(column) : sql`${sql.ref(column)} || ''`, 'in', ids);
}

/** `scopeOnly`: the staff and handler scopes without one's own appeals — a subset, for counting. */
export function visible(eb: Eb, vis: Visibility, indexed: boolean, scopeOnly = false) {
  // Scope first: a row it admits never needs the author columns (SQLite then defers the table read).
  const scope = [scopeIn(eb, 'a.org_id', vis.staff, indexed), scopeIn(eb, 'a.department_id', vis.handler, indexed)].filter((e) => e !== null);
  const terms = scopeOnly ? scope : [...scope, mineExpr(eb, vis)];
  return terms.length ? eb.or(terms) : sql<SqlBool>`1 = 0`;
}

function lightExpr(eb: Eb, light: Light, clock: LightClock) {
  if (light === 'red') return eb('a.current_due', '<', clock.today);
  if (light === 'yellow') return eb.and([eb('a.current_due', '>=', clock.today), eb('a.current_due', '<', clock.soon)]);
  return eb('a.current_due', '>=', clock.soon);
}

export function conditions(db: Tx, eb: Eb, vis: Visibility, f: RepoFilter, clock: LightClock, indexed = true, scopeOnly = false) {
  return eb.and([f.mine ? mineExpr(eb, vis) : visible(eb, vis, indexed, scopeOnly), ...filters(db, eb, f, clock, false)]);
}

/**
 * The filters alone. `byPath`: an org filter is a range on `a.org_path` (the lists' keyed
 * indexes, 20261206_2300 migration); otherwise an IN over the subtree's org ids, which the
 * dashboard's index-only reads need (appeals_indicators holds org_id, not the path).
 */
function filters(db: Tx, eb: Eb, f: RepoFilter, clock: LightClock, byPath: boolean): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (f.q !== undefined) {
    const sub = searchRefs(db, SEARCH_INDEX, f.q, SEARCH_NEWEST);
    c.push(sub ? eb('a.id', 'in', sub as any) : sql<SqlBool>`1 = 0`);
  }
  if (f.status?.length) c.push(eb('a.status', 'in', [...f.status]));
  if (f.category?.length) c.push(eb('a.category', 'in', [...f.category]));
  if (f.urgency?.length) c.push(eb('a.urgency', 'in', [...f.urgency]));
  if (f.rating?.length) c.push(eb('a.rating', 'in', [...f.rating]));
  if (f.employmentCategory?.length) c.push(eb('a.author_category', 'in', [...f.employmentCategory]));
  if (f.light?.length) c.push(eb.and([eb('a.current_due', 'is not', null), eb.or(f.light.map((l) => lightExpr(eb, l, clock)))]));
  if (f.orgPath) c.push(byPath ? pathUnder(eb, 'a.org_path', f.orgPath) : orgIn(eb, 'a.org_id', { all: false, paths: [f.orgPath] }, true));
  if (f.departmentPath) c.push(orgIn(eb, 'a.department_id', { all: false, paths: [f.departmentPath] }, true));
  if (f.ratedDepartmentPath) c.push(orgIn(eb, 'a.rated_department_id', { all: false, paths: [f.ratedDepartmentPath] }, true));
  if (f.firstAnswerDepartmentPath) c.push(orgIn(eb, 'a.first_answer_department_id', { all: false, paths: [f.firstAnswerDepartmentPath] }, true));
  if (f.attributedDepartmentPath) {
    const under = { all: false, paths: [f.attributedDepartmentPath] };
    c.push(eb.or(['a.department_id', 'a.first_answer_department_id', 'a.rated_department_id'].map((col) => orgIn(eb, col, under, true))));
  }
  if (f.unitId) c.push(eb('a.unit_id', '=', f.unitId));
  if (f.groupAlertId) c.push(eb('a.group_alert_id', '=', f.groupAlertId));
  if (f.from) c.push(eb('a.submitted_date', '>=', f.from));
  if (f.to) c.push(eb('a.submitted_date', '<=', f.to));
  if (f.anonymous !== undefined) c.push(eb('a.anonymous', '=', f.anonymous ? 1 : 0));
  if (f.rated !== undefined) c.push(eb('a.rating', f.rated ? 'is not' : 'is', null));
  if (f.reopened !== undefined) c.push(eb('a.reopen_count', f.reopened ? '>' : '=', 0));
  if (f.late !== undefined) c.push(eb('a.late', '=', f.late ? 1 : 0));
  if (f.lastAnswerLate !== undefined) c.push(eb('a.last_answer_late', '=', f.lastAnswerLate ? 1 : 0));
  if (f.acceptedLate !== undefined) c.push(sql<SqlBool>`${ACCEPTED_ON_TIME} = ${f.acceptedLate ? 0 : 1}`);
  if (f.answered !== undefined) c.push(eb('a.first_answered_at', f.answered ? 'is not' : 'is', null));
  if (f.accepted !== undefined) c.push(eb('a.accepted_at', f.accepted ? 'is not' : 'is', null));
  return c;
}

/**
 * A list's three parts, each one indexed predicate without an OR between them, so every
 * part is a range on one index: the staff scope (ranges on `a.org_path`), the handler
 * scope (departments), and one's own appeals that neither admits.
 * `hide`: the columns go through `|| ''` (valid on both engines), so the planner walks the
 * ordering index instead — used for a page when matches are many (see listAppeals).
 */
export type ListPart = 'staff' | 'handler' | 'own';

export function listPart(db: Tx, eb: Eb, vis: Visibility, f: RepoFilter, clock: LightClock, part: ListPart, hide = false): Expression<SqlBool> {
  const col = (c: string) => (hide ? sql`${sql.ref(c)} || ''` : sql.ref(c));
  const inside: Expression<SqlBool>[] = [];
  if (part === 'staff') {
    if (!vis.staff.all) inside.push(eb.or(vis.staff.paths.map((p) => eb.and([eb(col('a.org_path'), '>=', p), eb(col('a.org_path'), '<', prefixUpper(p))]))));
  } else if (part === 'handler') {
    // listParts reads this part only when the staff scope is not everything.
    inside.push(orgIn(eb, 'a.department_id', vis.handler, !hide));
    // Already counted by the staff part.
    if (vis.staff.paths.length) inside.push(eb.not(eb.or(vis.staff.paths.map((p) => pathUnder(eb, 'a.org_path', p)))));
  } else {
    // One's own appeals by id, each author column on its own index: an OR of the two would
    // let the planner prefer scanning any small index that a filter happens to match.
    const own = (col: 'author_account_id' | 'author_person_id', v: string) => eb.selectFrom('appeals as o').select('o.id').where(`o.${col}`, '=', v);
    inside.push(
      eb(
        'a.id',
        'in',
        vis.personId ? own('author_account_id', vis.accountId).union(own('author_person_id', vis.personId)) : own('author_account_id', vis.accountId),
      ),
    );
    // Only what the scope parts did not already read; with no scope there is nothing to leave out.
    const scope = scopeTerms(eb, vis);
    if (!f.mine && scope.length) inside.push(sql<SqlBool>`(${eb.or(scope)}) is not true`);
  }
  return eb.and([...inside, ...filters(db, eb, f, clock, true)]);
}

/** The parts a viewer's list reads: `mine` is the own part alone; a scope of everything holds one's own appeals already. */
export function listParts(vis: Visibility, f: RepoFilter): ListPart[] {
  if (f.mine) return ['own'];
  const parts: ListPart[] = [];
  if (vis.staff.all || vis.staff.paths.length) parts.push('staff');
  if (vis.staff.all) return parts;
  if (vis.handler.all || vis.handler.paths.length) parts.push('handler');
  return [...parts, 'own'];
}

/** The scopes the own part leaves out (a scope of everything has no own part, see listParts). */
function scopeTerms(eb: Eb, vis: Visibility): Expression<SqlBool>[] {
  const t: Expression<SqlBool>[] = vis.staff.paths.map((p) => pathUnder(eb, 'a.org_path', p));
  const handler = scopeIn(eb, 'a.department_id', vis.handler, true);
  if (handler) t.push(handler);
  return t;
}

/** Columns every read may carry: the author only when the appeal is named. */
export function safeColumns(eb: Eb, vis: Visibility) {
  return [
    'a.id',
    'a.code',
    'a.title',
    'a.category',
    'a.nature',
    'a.urgency',
    'a.status',
    'a.channel',
    'a.anonymous',
    'a.org_id',
    'o.name as org_name',
    'o.path as org_path',
    'a.unit_id',
    'u.name as unit_name',
    'u.path as unit_path',
    'a.department_id',
    'd.name as department_name',
    'd.path as department_path',
    'a.submitted_at',
    'a.submitted_date',
    'a.accepted_at',
    'a.answered_at',
    'a.first_answered_at',
    'a.current_due',
    'a.late',
    'a.rating',
    'a.reopen_count',
    'a.affected_workers',
    'a.group_alert_id',
    'a.updated_at',
    sql<number>`case when ${mineExpr(eb, vis)} then 1 else 0 end`.as('is_mine'),
    sql<string | null>`case when a.anonymous = 0 then coalesce(p.name, acc.display_name) end`.as('author_name'),
    sql<string | null>`case when a.anonymous = 0 then coalesce(p.phone, acc.phone) end`.as('author_phone'),
    sql<string | null>`case when a.anonymous = 0 then a.author_category end`.as('author_category'),
  ] as const;
}

export interface SummaryRow {
  id: string;
  code: string;
  title: string;
  category: string;
  nature: string;
  urgency: string;
  status: string;
  channel: string;
  anonymous: number;
  org_id: string;
  org_name: string;
  org_path: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  department_id: string | null;
  department_name: string | null;
  department_path: string | null;
  /** 「一号矿 / 生产部」, set by departments.ts after the read. */
  department_label?: string | null;
  submitted_at: string;
  submitted_date: string;
  accepted_at: string | null;
  answered_at: string | null;
  first_answered_at: string | null;
  current_due: string | null;
  late: number;
  rating: string | null;
  reopen_count: number;
  affected_workers: number;
  group_alert_id: string | null;
  updated_at: string;
  is_mine: number;
  author_name: string | null;
  author_phone: string | null;
  author_category: string | null;
}

export interface DetailRow extends SummaryRow {
  description: string;
  answer: string | null;
  decline_reason: string | null;
  accept_due_date: string;
  due_date: string | null;
  closed_at: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  master_id: string | null;
}

/**
 * Accepted by the end of the accept-deadline day (a Shanghai date, whose end is 16:00 UTC
 * of the same date): ISO timestamps compare as strings on both engines.
 */
export const ACCEPTED_ON_TIME = sql<number>`(case when a.accepted_at is not null and a.accepted_at < (a.accept_due_date || 'T16:00:00.000Z') then 1 else 0 end)`;
