/**
 * The SQL of appeals (group alerts keep theirs in groupAlert.repository.ts). Reads never
 * select who wrote an anonymous appeal: author columns come through `case when anonymous
 * = 0`, so no presenter, export or search can leak them by mistake. `revealAuthor` is the
 * one exception, and the service audits every call to it.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { insertRow, prepared } from '../../core/db/prepared.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import { engineOf, prefixUpper } from '../../core/db/dialect.js';
import { searchRefs, upsertSearchDoc } from '../../core/search/search.js';
import { afterCursor, COUNT_CAP, decodeCursor, encodeCursor, type Cursor } from '../../core/db/keyset.js';
import type { Light } from '../../../common/appeals.js';
import {
  adb,
  type ADb,
  type AppealAttachmentTable,
  type AppealEventTable,
  type AppealExtensionTable,
  type AppealRatingTable,
  type AppealTable,
} from './appeals.tables.js';

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

const SORT_COLUMNS = {
  submittedAt: 'a.submitted_at',
  dueDate: 'a.current_due',
  code: 'a.code',
  status: 'a.status',
  category: 'a.category',
  urgency: 'a.urgency',
  updatedAt: 'a.updated_at',
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;

function base(db: Tx) {
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
function safeColumns(eb: Eb, vis: Visibility) {
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

export { COUNT_CAP };

/** Sorts an index serves in order (see the 0002 migration): the page is read off the index. */
const INDEXED_SORTS: ReadonlySet<SortKey> = new Set(['submittedAt']);

/** Up to `cap` matches of one list part, counted off that part's index. */
export function countQuery(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock, part: ListPart, cap: number) {
  return adb(db)
    .selectFrom((eb) =>
      eb
        .selectFrom('appeals as a')
        .select(sql<number>`1`.as('x'))
        .where(((e: Eb) => listPart(db, e, vis, f, clock, part)) as any)
        .limit(cap)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('c'));
}

/** Sorts a cursor can follow: a key that is never null, on a (key, id) index. */
export const CURSOR_SORTS: ReadonlySet<SortKey> = INDEXED_SORTS;

/**
 * The ids (and sort keys) of one part's first `limit` rows; `walk` reads them off the
 * ordering index; `after` starts after a cursor (keyset: a range on that index, no OFFSET).
 */
export function pageQuery(
  db: Tx,
  vis: Visibility,
  f: RepoFilter,
  clock: LightClock,
  part: ListPart,
  page: { limit: number; sort: SortKey; order: 'asc' | 'desc'; after?: Cursor },
  walk: boolean,
) {
  const sortCol = SORT_COLUMNS[page.sort];
  // A walk reads the ordering index and nothing else: SQLite is told so, PostgreSQL's costs choose it with the LIMIT.
  const from = walk && engineOf(db) === 'sqlite' ? sql`appeals as a indexed by appeals_submitted_at` : sql`appeals as a`;
  const after = page.after;
  return adb(db)
    .selectFrom(from as any)
    .select(['a.id', sql.ref(sortCol).as('k')])
    .where(((e: Eb) => listPart(db, e, vis, f, clock, part, walk)) as any)
    .$if(!!after, (q) => q.where(afterCursor(sortCol, 'a.id', after!, page.order) as any))
    .orderBy(sql.ref(sortCol), page.order)
    .orderBy('a.id', page.order)
    .limit(page.limit);
}

async function searchReachedBound(db: Tx, q: string): Promise<boolean> {
  const sub = searchRefs(db, SEARCH_INDEX, q, SEARCH_NEWEST);
  if (!sub) return false;
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sub} as s`.execute(db);
  return Number(r.rows[0]?.n ?? 0) >= SEARCH_NEWEST;
}

export async function listAppeals(
  db: Tx,
  vis: Visibility,
  f: RepoFilter,
  clock: LightClock,
  page: { limit: number; offset: number; sort: SortKey; order: 'asc' | 'desc'; after?: Cursor },
  /** known: the (capped) count an earlier page of the same walk returned, so an export counts once; detail: the export's columns too. */
  opts: { known?: number; detail?: boolean } = {},
): Promise<{ rows: SummaryRow[]; total: number; totalCapped: boolean; searchCapped: boolean; nextCursor: string | null; counted: number }> {
  const known = opts.known;
  const parts = listParts(vis, f);
  // Each part counted once, on its own index, up to what the cap still needs: no second count.
  let n = known ?? 0;
  for (const part of known === undefined ? parts : []) {
    if (n > COUNT_CAP) break;
    const [{ c }] = await countQuery(db, vis, f, clock, part, COUNT_CAP + 1 - n).execute();
    n += Number(c);
  }
  // A search that reached its bound may have older matches beyond it: the total is then a lower bound.
  const searchBound = f.q !== undefined && known === undefined && n <= COUNT_CAP && (await searchReachedBound(db, f.q));
  // Many matches: walking the ordering index meets a page of them early. Few (the count
  // read them all off a filter's index): the same index finds them and sorting ≤ COUNT_CAP is cheap.
  const walk = INDEXED_SORTS.has(page.sort) && n > COUNT_CAP;
  // One row beyond the page says whether a next page exists.
  const want = page.offset + page.limit + 1;
  const found: { id: string; k: unknown }[] = [];
  for (const part of parts) {
    const rows = await pageQuery(db, vis, f, clock, part, { ...page, limit: want }, walk).execute();
    found.push(...(rows as { id: string; k: unknown }[]));
  }
  const dir = page.order === 'asc' ? 1 : -1;
  const cmp = (x: unknown, y: unknown) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : (x as any) < (y as any) ? -1 : 1);
  if (parts.length > 1) found.sort((x, y) => dir * (cmp(x.k, y.k) || cmp(x.id, y.id)));
  const ids = found.slice(page.offset, want - 1);
  const last = ids[ids.length - 1];
  const nextCursor = CURSOR_SORTS.has(page.sort) && found.length >= want && last ? encodeCursor(last.k as string, last.id) : null;
  const rows = ids.length
    ? ((await base(db)
        .where(
          'a.id',
          'in',
          ids.map((r) => r.id),
        )
        .select((eb) => (opts.detail ? [...safeColumns(eb, vis), ...EXPORT_COLUMNS] : safeColumns(eb, vis)) as any)
        .execute()) as unknown as SummaryRow[])
    : [];
  const at = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((x, y) => at.get(x.id)! - at.get(y.id)!);
  return { rows, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP || searchBound, searchCapped: searchBound, nextCursor, counted: n };
}

const EXPORT_COLUMNS = ['a.answer', 'a.due_date', 'a.accept_due_date', 'a.closed_at'] as const;
export type ExportRow = SummaryRow & { answer: string | null; due_date: string | null; accept_due_date: string; closed_at: string | null };

/**
 * The rows of an export in batches, newest first, detail columns included: each batch is a
 * list page read by cursor, so no batch re-reads the rows before it and only one batch is
 * held at a time however many rows the export has. Capped by the caller.
 */
export async function* exportAppeals(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock, limit: number, batch = 500): AsyncGenerator<ExportRow[]> {
  let after: Cursor | undefined;
  let known: number | undefined;
  for (let left = limit; left > 0;) {
    const r = await listAppeals(
      db,
      vis,
      f,
      clock,
      { limit: Math.min(batch, left), offset: 0, sort: 'submittedAt', order: 'desc', after },
      { known, detail: true },
    );
    if (r.rows.length) yield r.rows as ExportRow[];
    left -= r.rows.length;
    known = r.counted;
    if (!r.nextCursor) return;
    after = decodeCursor(r.nextCursor);
  }
}

/**
 * Exactly what the indicators need, from `appeals` alone: with the scope as an id list and
 * every column in the appeals_indicators index, the period is read off that index without
 * touching a table row, and the dashboard folds it in one pass.
 */
export interface IndicatorRow {
  category: string;
  status: string;
  org_id: string;
  department_id: string | null;
  submitted_date: string;
  first_answered_at: string | null;
  first_answer_department_id: string | null;
  current_due: string | null;
  late: number;
  /** The latest answer's own round was late (null: never answered). */
  last_answer_late: number | null;
  rating: string | null;
  rated_department_id: string | null;
  reopen_count: number;
  accept_work_tenths: number | null;
  /** 1 when accepted by the end of its accept-deadline day, 0 otherwise (never accepted included). */
  accepted_on_time: number;
}

/**
 * Accepted by the end of the accept-deadline day (a Shanghai date, whose end is 16:00 UTC
 * of the same date): ISO timestamps compare as strings on both engines.
 */
export const ACCEPTED_ON_TIME = sql<number>`(case when a.accepted_at is not null and a.accepted_at < (a.accept_due_date || 'T16:00:00.000Z') then 1 else 0 end)`;

/** What `IndicatorRow` is made of: the dashboard's rows and the caller's own appeals outside scope (appeals.cells.ts) read the same columns. */
export const INDICATOR_COLUMNS = [
  'a.category',
  'a.status',
  'a.org_id',
  'a.department_id',
  'a.submitted_date',
  'a.first_answered_at',
  'a.first_answer_department_id',
  'a.current_due',
  'a.late',
  'a.last_answer_late',
  'a.rating',
  'a.rated_department_id',
  'a.reopen_count',
  'a.accept_work_tenths',
  ACCEPTED_ON_TIME.as('accepted_on_time'),
] as const;

export async function indicatorRows(db: Tx, vis: Visibility, f: RepoFilter, clock: LightClock): Promise<IndicatorRow[]> {
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .where(((eb: Eb) => conditions(db, eb, vis, f, clock, false)) as any)
    .select(INDICATOR_COLUMNS)
    .execute();
  return rows.map((r) => ({ ...r, accepted_on_time: Number(r.accepted_on_time) })) as IndicatorRow[];
}

/**
 * One appeal with everything the detail view shows (author already masked when anonymous).
 * Read on every view and after every act: a prepared shape. The viewer enters only as
 * values — `is_mine` compares both author columns, and a null person id matches nothing.
 */
const NO_SCOPE: Scope = { all: false, paths: [] };
const appealById = prepared((d: ADb, p: { id: string; accountId: string; personId: string | null }) =>
  base(d as unknown as Tx)
    .where('a.id', '=', p.id)
    .select(
      (eb) =>
        [
          ...safeColumns(eb, { accountId: p.accountId, personId: p.personId, staff: NO_SCOPE, handler: NO_SCOPE }),
          'a.description',
          'a.answer',
          'a.decline_reason',
          'a.accept_due_date',
          'a.due_date',
          'a.closed_at',
          'a.rating_comment',
          'a.rated_at',
          'a.master_id',
        ] as any,
    ),
);

export async function findAppeal(db: Tx, vis: Visibility, id: string): Promise<DetailRow | undefined> {
  const row = await appealById.first(db, { id, accountId: vis.accountId, personId: vis.personId });
  return row as unknown as DetailRow | undefined;
}

/** The raw row, for the service's rules (never presented as such). */
export function findRaw(db: Tx, id: string) {
  return adb(db).selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRawMany(db: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as AppealTable[]);
  return adb(db).selectFrom('appeals').selectAll().where('id', 'in', ids).execute();
}

/** Who wrote an anonymous appeal. Only the reveal service calls this, and it audits the call. */
export function revealAuthor(db: Tx, id: string) {
  return (
    adb(db)
      .selectFrom('appeals as a')
      .leftJoin('persons as p', 'p.id', 'a.author_person_id')
      .leftJoin('accounts as acc', 'acc.id', 'a.author_account_id')
      // The author's own team: an anonymous appeal itself is placed at its unit (service.placement).
      .innerJoin('orgs as o', (j) => j.on(sql<SqlBool>`o.id = coalesce(p.org_id, a.org_id)`))
      .select([
        'a.author_account_id',
        'a.author_person_id',
        'p.employment_category',
        'o.id as org_id',
        'o.name as org_name',
        sql<string>`coalesce(p.name, acc.display_name)`.as('name'),
        sql<string | null>`coalesce(p.phone, acc.phone)`.as('phone'),
      ])
      .where('a.id', '=', id)
      .executeTakeFirst()
  );
}

export async function insertAppeal(db: Tx, row: AppealTable) {
  await insertRow(adb(db), 'appeals', row);
}

/**
 * Moves an appeal only if it is still in one of `from`: two staff clicking at once, or a
 * job racing a person, cannot both win. Returns whether this call won.
 */
export async function updateAppeal(db: Tx, id: string, from: readonly string[] | null, patch: Partial<AppealTable>): Promise<boolean> {
  let q = adb(db).updateTable('appeals').set(patch).where('id', '=', id);
  if (from) q = q.where('status', 'in', [...from]);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertEvent(db: Tx, row: AppealEventTable) {
  await insertRow(adb(db), 'appeal_events', row);
}

// The detail's parts are read on every view and after every act: prepared shapes.
const eventsOf = prepared((d: ADb, p: { appealId: string }) =>
  d
    .selectFrom('appeal_events as e')
    .leftJoin('accounts as acc', 'acc.id', 'e.actor_account_id')
    .select(['e.id', 'e.kind', 'e.at', 'e.actor_label', 'e.internal', 'e.note', 'e.data', 'acc.display_name as actor_name'])
    .where('e.appeal_id', '=', p.appealId)
    .orderBy('e.at')
    .orderBy('e.id'),
);
export const listEvents = (db: Tx, appealId: string) => eventsOf.all(db, { appealId });

const duplicatesOfMaster = prepared((d: ADb, p: { masterId: string }) =>
  d.selectFrom('appeals').select(['id', 'code']).where('master_id', '=', p.masterId).orderBy('code'),
);
export const duplicatesOf = (db: Tx, masterId: string) => duplicatesOfMaster.all(db, { masterId });

const masterById = prepared((d: ADb, p: { id: string }) =>
  d.selectFrom('appeals').select(['id', 'code', 'status', 'answer', 'answered_at']).where('id', '=', p.id),
);
export const masterSummary = (db: Tx, id: string) => masterById.first(db, { id });

export async function repointDuplicates(db: Tx, fromMaster: string, toMaster: string) {
  await adb(db).updateTable('appeals').set({ master_id: toMaster }).where('master_id', '=', fromMaster).execute();
}

/**
 * Workers behind a master and its merged duplicates, as shown: distinct named authors, and
 * each anonymous appeal as a worker of its own — an exact count would drop by one when a
 * named author also wrote an anonymous duplicate, and so name them (workerKey).
 */
export async function countAffected(db: Tx, masterId: string): Promise<number> {
  const rows = await adb(db)
    .selectFrom('appeals')
    .select(sql<string>`case when anonymous = 1 then id else coalesce(author_person_id, author_account_id) end`.as('k'))
    .where((eb) => eb.or([eb('id', '=', masterId), eb('master_id', '=', masterId)]))
    .execute();
  return new Set(rows.map((r) => r.k)).size;
}

// ---- attachments ----

export async function insertAttachment(db: Tx, row: AppealAttachmentTable) {
  await adb(db).insertInto('appeal_attachments').values(row).execute();
}

/** Links the uploader's unused uploads to a new appeal; returns how many it could claim. */
export async function claimAttachments(db: Tx, ids: string[], uploader: string, appealId: string): Promise<number> {
  if (!ids.length) return 0;
  const res = await adb(db)
    .updateTable('appeal_attachments')
    .set({ appeal_id: appealId })
    .where('id', 'in', ids)
    .where('uploader_account_id', '=', uploader)
    .where('appeal_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

const attachmentsOf = prepared((d: ADb, p: { appealId: string }) =>
  d
    .selectFrom('appeal_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'storage_key'])
    .where('appeal_id', '=', p.appealId)
    .orderBy('created_at')
    .orderBy('id'),
);
export const listAttachments = (db: Tx, appealId: string) => attachmentsOf.all(db, { appealId });

export function findAttachment(db: Tx, appealId: string, id: string) {
  return adb(db).selectFrom('appeal_attachments').selectAll().where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

export function orphanAttachments(db: Tx, before: string) {
  return adb(db)
    .selectFrom('appeal_attachments')
    .select(['id', 'storage_key'])
    .where('appeal_id', 'is', null)
    .where('created_at', '<', before)
    .limit(500)
    .execute();
}

export async function deleteAttachment(db: Tx, id: string) {
  await adb(db).deleteFrom('appeal_attachments').where('id', '=', id).where('appeal_id', 'is', null).execute();
}

// ---- extensions, ratings, reminders ----

export async function insertExtension(db: Tx, row: AppealExtensionTable) {
  await adb(db).insertInto('appeal_extensions').values(row).execute();
}

export function findExtension(db: Tx, appealId: string, id: string) {
  return adb(db).selectFrom('appeal_extensions').selectAll().where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

export function pendingExtension(db: Tx, appealId: string) {
  return adb(db).selectFrom('appeal_extensions').select('id').where('appeal_id', '=', appealId).where('status', '=', 'pending').executeTakeFirst();
}

export async function decideExtension(db: Tx, id: string, patch: Partial<AppealExtensionTable>): Promise<boolean> {
  const res = await adb(db).updateTable('appeal_extensions').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

const extensionsOf = prepared((d: ADb, p: { appealId: string }) =>
  d.selectFrom('appeal_extensions').selectAll().where('appeal_id', '=', p.appealId).orderBy('requested_at'),
);
export const listExtensions = (db: Tx, appealId: string) => extensionsOf.all(db, { appealId });

export async function insertRating(db: Tx, row: AppealRatingTable) {
  await adb(db).insertInto('appeal_ratings').values(row).execute();
}

/** Records that a reminder went out; false when it already had (this run or another instance's). */
export async function claimReminder(db: Tx, appealId: string, kind: string, dueDate: string, at: string): Promise<boolean> {
  const res = await adb(db)
    .insertInto('appeal_reminders')
    .values({ appeal_id: appealId, kind, due_date: dueDate, sent_at: at })
    .onConflict((oc) => oc.columns(['appeal_id', 'kind', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Open appeals whose current deadline is on or before `until`: the sweep's work list. */
export function dueSoon(db: Tx, until: string) {
  return adb(db)
    .selectFrom('appeals as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('orgs as d', 'd.id', 'a.department_id')
    .select(['a.id', 'a.code', 'a.title', 'a.status', 'a.current_due', 'a.overdue_at', 'a.department_id', 'o.path as org_path', 'd.path as department_path'])
    .where('a.current_due', 'is not', null)
    .where('a.current_due', '<=', until)
    .where('a.status', 'in', ['submitted', 'accepted', 'assigned', 'handling'])
    .orderBy('a.current_due')
    .execute();
}

// ---- configuration ----

// Rules, settings, units and recipients are read along the author's ancestors at every intake.
const rulesAt = prepared((d: ADb, p: { orgIds: string[] }) =>
  d
    .selectFrom('appeal_deadline_rules as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'o.depth', 'r.category', 'r.urgency', 'r.accept_days', 'r.consultation_days', 'r.request_days'])
    .where('r.org_id', 'in', p.orgIds),
);
export function ruleRows(db: Tx, orgIds: string[]) {
  if (!orgIds.length) return Promise.resolve([]);
  return rulesAt.all(db, { orgIds });
}

export async function upsertRule(
  db: Tx,
  row: { org_id: string; category: string; urgency: string; accept_days: number; consultation_days: number; request_days: number; updated_at: string },
) {
  await adb(db)
    .insertInto('appeal_deadline_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'category', 'urgency']).doUpdateSet({
        accept_days: row.accept_days,
        consultation_days: row.consultation_days,
        request_days: row.request_days,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

const settingsAt = prepared((d: ADb, p: { orgIds: string[] }) =>
  d
    .selectFrom('appeal_settings as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .select(['s.org_id', 'o.depth', 's.reopen_limit', 's.group_min_workers', 's.group_window_days', 's.group_threshold_pct', 's.chair_may_reveal'])
    .where('s.org_id', 'in', p.orgIds),
);
export function settingsRows(db: Tx, orgIds: string[]) {
  if (!orgIds.length) return Promise.resolve([]);
  return settingsAt.all(db, { orgIds });
}

export async function upsertSettings(
  db: Tx,
  row: {
    org_id: string;
    reopen_limit?: number;
    group_min_workers?: number;
    group_window_days?: number;
    group_threshold_pct?: number;
    chair_may_reveal?: number;
    updated_at: string;
  },
) {
  const patch = Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== undefined && k !== 'org_id'));
  await adb(db)
    .insertInto('appeal_settings')
    .values({ reopen_limit: null, group_min_workers: null, group_window_days: null, group_threshold_pct: null, chair_may_reveal: null, ...row })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(patch))
    .execute();
}

// ---- orgs, people, accounts the module reads ----

const orgsIn = prepared((d: ADb, p: { ids: string[] }) =>
  d.selectFrom('orgs').select(['id', 'kind', 'depth', 'name', 'path', 'parent_id']).where('id', 'in', p.ids),
);
export function orgsByIds(db: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return orgsIn.all(db, { ids });
}

const orgById = prepared((d: ADb, p: { id: string }) => d.selectFrom('orgs').select(['id', 'kind', 'depth', 'name', 'path']).where('id', '=', p.id));
export const findOrg = (db: Tx, id: string) => orgById.first(db, { id });

const personById = prepared((d: ADb, p: { id: string }) =>
  d
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.kind', 'p.employment_category', 'o.path as org_path'])
    .where('p.id', '=', p.id),
);
export const findPerson = (db: Tx, id: string) => personById.first(db, { id });

const accountByPerson = prepared((d: ADb, p: { personId: string }) =>
  d.selectFrom('accounts').select('id').where('person_id', '=', p.personId).orderBy('created_at').limit(1),
);
export const accountOfPerson = (db: Tx, personId: string) => accountByPerson.first(db, { personId });

/** Accounts holding one of `roles` on one of `orgIds` (ancestors of a node, usually). */
const granteesAt = prepared((d: ADb, p: { roles: string[]; orgIds: string[] }) =>
  d
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .innerJoin('accounts as acc', 'acc.id', 'g.account_id')
    .select(['g.account_id', 'g.role', 'o.depth'])
    .where('g.role', 'in', p.roles)
    .where('g.org_id', 'in', p.orgIds)
    .where('acc.disabled', '=', 0),
);
export function grantees(db: Tx, roles: string[], orgIds: string[]) {
  if (!orgIds.length || !roles.length) return Promise.resolve([]);
  return granteesAt.all(db, { roles, orgIds });
}

// ---- numbering, search, similarity ----

/** The next number of a Shanghai day; the upsert's row lock serialises concurrent intakes. */
const countDay = prepared((d: ADb, p: { day: string }) =>
  d
    .insertInto('appeal_counters')
    .values({ day: p.day, n: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ n: sql`appeal_counters.n + 1` }))
    .returning('n'),
);
export async function nextNumber(db: Tx, day: string): Promise<number> {
  const row = await countDay.first(db, { day });
  return Number(row!.n);
}

export function indexForSearch(db: Tx, id: string, text: string) {
  return upsertSearchDoc(db, SEARCH_INDEX, id, text);
}

/** Takes the unit × category lock for the rest of the transaction (see the migration). */
export type AppealRow = AppealTable;

// ---- what the demo seed looks up ----

export function accountBrief(db: Tx, id: string) {
  return adb(db).selectFrom('accounts').select(['id', 'display_name', 'person_id']).where('id', '=', id).executeTakeFirst();
}

export async function accountByUsernameOrRole(db: Tx, username: string, role: string): Promise<string | null> {
  const byName = await adb(db).selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (byName) return byName.id;
  const byRole = await adb(db).selectFrom('role_grants').select('account_id').where('role', '=', role).orderBy('created_at').executeTakeFirst();
  return byRole?.account_id ?? null;
}

export function orgsOfKind(db: Tx, kind: string, under?: string) {
  return adb(db)
    .selectFrom('orgs')
    .select(['id', 'name', 'path'])
    .where('kind', '=', kind)
    .$if(!!under, (q) => q.where((eb) => pathUnder(eb, 'path', under!)))
    .orderBy('path')
    .execute();
}

export async function workersUnder(db: Tx, path: string, limit: number): Promise<string[]> {
  const rows = await adb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select('p.id')
    .where('p.kind', '=', 'worker')
    .where((eb) => pathUnder(eb, 'o.path', path))
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export function grantsOfRole(db: Tx, role: string) {
  return adb(db)
    .selectFrom('role_grants as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.account_id', 'o.path'])
    .where('g.role', '=', role)
    .orderBy('g.created_at')
    .execute();
}

export async function anyAppeal(db: Tx): Promise<boolean> {
  return !!(await adb(db).selectFrom('appeals').select('id').limit(1).executeTakeFirst());
}

/** Marks appeal notices read except those about appeals still open and group alerts. */
export async function markHistoryRead(db: Tx, at: string) {
  await adb(db)
    .updateTable('notifications')
    .set({ read_at: at })
    .where('kind', 'like', 'appeal.%')
    .where('kind', '!=', 'appeal.groupAlert')
    .where('read_at', 'is', null)
    .where(({ eb, selectFrom }) =>
      eb(
        'link',
        'not in',
        selectFrom('appeals')
          .select(sql<string>`'/appeals/' || id`.as('l'))
          .where('status', 'in', ['submitted', 'accepted', 'assigned', 'handling']),
      ),
    )
    .execute();
}

/** Ids of the org nodes in the subtree at `path`: the dashboard's department cut, to attribute each figure (see `attributedDepartmentPath`). */
export async function orgIdsUnder(db: Tx, path: string): Promise<Set<string>> {
  const rows = await adb(db)
    .selectFrom('orgs as so')
    .select('so.id')
    .where((eb: Eb) => pathInScope(eb, 'so.path', { all: false, paths: [path] }))
    .execute();
  return new Set(rows.map((r) => r.id));
}
