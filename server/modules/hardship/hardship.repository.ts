/**
 * All SQL of the hardship module. Lists filter by the caller's reach in SQL (officer subtrees,
 * or the caller's own household), so a page and its total never count a file the caller may not see.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { containsCi } from '../../core/db/dialect.js';
import type { Tx } from '../../core/db/database.js';
import { indexedWalk, pagedList, sortKey, type PagedList } from '../../core/db/pagedList.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import type { Scope } from '../../core/rbac/actor.js';
import type { DB } from '../../core/db/schema.js';
import { hdb, type HardshipProfileTable, type HardshipTables } from './hardship.tables.js';

export type ProfileRow = HardshipProfileTable & { worker_name: string; org_name: string };

type Eb = ExpressionBuilder<DB & HardshipTables & { h: HardshipProfileTable }, 'h'>;

/** Who the list answers: the subtrees where the caller is an officer, and the caller's own household. */
export interface Reach {
  officer: Scope;
  personId: string | null;
}

export interface ProfileFilter {
  status?: readonly string[];
  tier?: string;
  cause?: string;
  orgPath?: string;
  q?: string;
  scopePaths?: readonly string[];
  filedFrom?: string;
  filedTo?: string;
  exitedFrom?: string;
  exitedTo?: string;
  relapsed?: boolean;
  assistedFrom?: string;
  assistedTo?: string;
  reviewDueFrom?: string;
  reviewDueTo?: string;
  reviewOnTime?: boolean;
  callbackDueFrom?: string;
  callbackDueTo?: string;
  callbackOnTime?: boolean;
}

// The filters on other tables are id sets (`h.id in (…)`), not correlated EXISTS: the engines then
// read the other table's (date, profile) index range once, instead of probing it for every file
// of the scope (a year's reviews at L: 3.3× faster on SQLite).
/**
 * A review or callback counts once it is done, or once its due date has passed undone (it is
 * then late); one not yet due is neither on time nor late. On time = done by its due date.
 */
function dueRows(
  eb: Eb,
  table: 'hardship_reviews' | 'hardship_callbacks',
  done: 'reviewed_on' | 'done_on',
  from: string | undefined,
  to: string | undefined,
  onTime: boolean | undefined,
  today: string,
) {
  return eb(
    'h.id',
    'in',
    eb
      .selectFrom(`${table} as d` as 'hardship_reviews as d')
      .select('d.profile_id')
      .where('d.cancelled', '=', 0)
      .where((e) => {
        const c: Expression<SqlBool>[] = [];
        if (from) c.push(e('d.due_date', '>=', from));
        if (to) c.push(e('d.due_date', '<=', to));
        const doneCol = `d.${done}` as 'd.reviewed_on';
        c.push(e.or([e(doneCol, 'is not', null), e('d.due_date', '<', today)]));
        if (onTime !== undefined) {
          const ok = e.and([e(doneCol, 'is not', null), e(doneCol, '<=', e.ref('d.due_date'))]);
          c.push(onTime ? ok : e.not(ok));
        }
        return e.and(c);
      }),
  );
}

function where(eb: Eb, reach: Reach | null, f: ProfileFilter, today: string): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (reach) {
    // Only the branches that can match: an OR with an always-false branch keeps both engines off the index.
    const officer = reach.officer.all || reach.officer.paths.length > 0;
    const any: Expression<SqlBool>[] = officer ? [pathInScope(eb, 'h.org_path', reach.officer)] : [];
    if (reach.personId) any.push(eb('h.worker_person_id', '=', reach.personId));
    c.push(any.length === 0 ? sql<SqlBool>`1 = 0` : any.length === 1 ? any[0] : eb.or(any));
  }
  if (f.scopePaths) c.push(pathInScope(eb, 'h.org_path', { all: false, paths: [...f.scopePaths] }));
  if (f.orgPath) c.push(pathInScope(eb, 'h.org_path', { all: false, paths: [f.orgPath] }));
  if (f.status?.length) c.push(eb('h.status', 'in', [...f.status]));
  if (f.tier) c.push(eb('h.tier', '=', f.tier));
  if (f.cause) c.push(eb('h.id', 'in', eb.selectFrom('hardship_causes as k').select('k.profile_id').where('k.cause', '=', f.cause)));
  if (f.filedFrom) c.push(eb('h.filed_on', '>=', f.filedFrom));
  if (f.filedTo) c.push(eb('h.filed_on', '<=', f.filedTo));
  if (f.exitedFrom) c.push(eb('h.exited_on', '>=', f.exitedFrom));
  if (f.exitedTo) c.push(eb('h.exited_on', '<=', f.exitedTo));
  if (f.relapsed !== undefined) c.push(eb('h.relapsed_on', f.relapsed ? 'is not' : 'is', null));
  if (f.assistedFrom || f.assistedTo) {
    c.push(
      eb(
        'h.id',
        'in',
        eb
          .selectFrom('hardship_assistance as a')
          .select('a.profile_id')
          .where((e) =>
            e.and([...(f.assistedFrom ? [e('a.given_on', '>=', f.assistedFrom)] : []), ...(f.assistedTo ? [e('a.given_on', '<=', f.assistedTo)] : [])]),
          ),
      ),
    );
  }
  if (f.reviewDueFrom || f.reviewDueTo || f.reviewOnTime !== undefined)
    c.push(dueRows(eb, 'hardship_reviews', 'reviewed_on', f.reviewDueFrom, f.reviewDueTo, f.reviewOnTime, today));
  if (f.callbackDueFrom || f.callbackDueTo || f.callbackOnTime !== undefined)
    c.push(dueRows(eb, 'hardship_callbacks', 'done_on', f.callbackDueFrom, f.callbackDueTo, f.callbackOnTime, today));
  if (f.q) {
    c.push(eb.or([containsCi('h.code', f.q), containsCi('p.name', f.q)] as Expression<SqlBool>[]));
  }
  return eb.and(c);
}

/**
 * The list's sorts. A file without a review date sorts as '' — first ascending, last descending —
 * alike on both engines (PostgreSQL would put a bare null last ascending, SQLite first), so the
 * list and its export, which walks this same key, agree everywhere.
 */
const SORT = { appliedAt: 'h.applied_at', code: 'h.code', reviewDue: sql<string>`coalesce(h.review_due, '')`, incomePerHead: 'h.income_per_head_fen' } as const;
export type ProfileSort = keyof typeof SORT;

function base(db: Tx) {
  return hdb(db).selectFrom('hardship_profiles as h').innerJoin('persons as p', 'p.id', 'h.worker_person_id').innerJoin('orgs as o', 'o.id', 'h.org_id');
}

export async function listProfiles(
  db: Tx,
  reach: Reach | null,
  f: ProfileFilter,
  page: { page: number; pageSize: number; sort?: keyof typeof SORT; order: 'asc' | 'desc'; after?: string },
  today: string,
): Promise<PagedList<ProfileRow>> {
  const filter = (eb: unknown) => where(eb as Eb, reach, f, today);
  const sort = page.sort ?? 'appliedAt';
  return pagedList(db, {
    counted: filtered(db, reach, f, today),
    // A walk reads the (applied_at, id) index.
    ids: (walk) => (f.q ? base(db).where(filter) : indexedWalk(db, 'hardship_profiles as h', 'hardship_profiles_applied', walk).where(filter)),
    sort: { column: SORT[sort], id: 'h.id', order: page.sort ? page.order : 'desc' },
    keyed: sort === 'appliedAt',
    page,
    load: (ids) => profileRows(db, ids),
  });
}

/** The files a filter selects; without a name search, the files alone (no join). */
function filtered(db: Tx, reach: Reach | null, f: ProfileFilter, today: string) {
  const filter = (eb: unknown) => where(eb as Eb, reach, f, today);
  return f.q ? base(db).where(filter) : hdb(db).selectFrom('hardship_profiles as h').where(filter);
}

async function profileRows(db: Tx, ids: string[]): Promise<ProfileRow[]> {
  return (await base(db).selectAll('h').select(['p.name as worker_name', 'o.name as org_name']).where('h.id', 'in', ids).execute()) as ProfileRow[];
}

/** How many files a filter selects, counting no further than `upTo`. */
export async function countUpTo(db: Tx, reach: Reach | null, f: ProfileFilter, today: string, upTo: number): Promise<number> {
  const capped = filtered(db, reach, f, today)
    .select(sql<number>`1`.as('x'))
    .limit(upTo)
    .as('k');
  return Number(
    (
      await hdb(db)
        .selectFrom(capped)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
}

/**
 * The files of the list as filtered, in its own ORDER BY (the sort key, then the id), batch by
 * batch: each batch starts after the last (key, id) of the one before, so memory is one batch and
 * no batch re-reads the rows before it by OFFSET. At most `limit` files.
 */
export async function* exportProfiles(
  db: Tx,
  reach: Reach | null,
  f: ProfileFilter,
  order: { sort: ProfileSort; order: 'asc' | 'desc' },
  today: string,
  limit: number,
  batch = 200,
): AsyncGenerator<ProfileRow[]> {
  const key = sortKey(SORT[order.sort]);
  const past = order.order === 'desc' ? sql.raw('<') : sql.raw('>');
  let after: { k: string | number; id: string } | undefined;
  for (let left = limit; left > 0;) {
    const page = (await filtered(db, reach, f, today)
      .select([sql.ref('h.id').as('id'), key.as('k')])
      .$if(!!after, (q) => q.where(sql<SqlBool>`(${key}, h.id) ${past} (${after!.k}, ${after!.id})`))
      .orderBy(key, order.order)
      .orderBy('h.id', order.order)
      .limit(Math.min(batch, left))
      .execute()) as { id: string; k: string | number }[];
    if (!page.length) return;
    const at = new Map(page.map((r, i) => [r.id, i]));
    yield (
      await profileRows(
        db,
        page.map((r) => r.id),
      )
    ).sort((x, y) => at.get(x.id)! - at.get(y.id)!);
    left -= page.length;
    after = page[page.length - 1];
  }
}

/** Count of the files a filter selects, with no caller: what an indicator counts over its scope. */
export async function countProfiles(db: Tx, f: ProfileFilter, today: string): Promise<number> {
  const r = await hdb(db)
    .selectFrom('hardship_profiles as h')
    .where((eb) => where(eb as unknown as Eb, null, f, today))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The ids of the files `f` selects (the list's filter), sorted: the records a figure counted. */
export async function profileIds(db: Tx, f: ProfileFilter, today: string): Promise<string[]> {
  const rows = await hdb(db)
    .selectFrom('hardship_profiles as h')
    .where((eb) => where(eb as unknown as Eb, null, f, today))
    .select('h.id')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function loadProfile(db: Tx, id: string): Promise<ProfileRow | undefined> {
  return (await base(db).selectAll('h').select(['p.name as worker_name', 'o.name as org_name']).where('h.id', '=', id).executeTakeFirst()) as
    ProfileRow | undefined;
}

export async function causesOf(db: Tx, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  for (const r of await hdb(db)
    .selectFrom('hardship_causes')
    .selectAll()
    .where('profile_id', 'in', [...ids])
    .orderBy('profile_id')
    .orderBy('cause')
    .execute()) {
    out.set(r.profile_id, [...(out.get(r.profile_id) ?? []), r.cause]);
  }
  return out;
}

export const membersOf = (db: Tx, id: string) => hdb(db).selectFrom('hardship_members').selectAll().where('profile_id', '=', id).orderBy('sort').execute();
export const visitsOf = (db: Tx, id: string) =>
  hdb(db).selectFrom('hardship_visits').selectAll().where('profile_id', '=', id).orderBy('visited_on').orderBy('id').execute();
/** A file's objections, oldest first; the objector's name only through a named objection's account (an anonymous one has none). */
export const objectionsOf = (db: Tx, id: string) =>
  hdb(db)
    .selectFrom('hardship_objections as o')
    .leftJoin('accounts as a', 'a.id', 'o.account_id')
    .selectAll('o')
    .select(sql<string | null>`case when o.anonymous = 0 then a.display_name end`.as('objector_name'))
    .where('o.profile_id', '=', id)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute();
export const reviewsOf = (db: Tx, id: string) =>
  hdb(db).selectFrom('hardship_reviews').selectAll().where('profile_id', '=', id).orderBy('due_date').orderBy('id').execute();
export const callbacksOf = (db: Tx, id: string) =>
  hdb(db).selectFrom('hardship_callbacks').selectAll().where('profile_id', '=', id).orderBy('due_date').orderBy('month').execute();
export const assistanceOf = (db: Tx, id: string) =>
  hdb(db).selectFrom('hardship_assistance').selectAll().where('profile_id', '=', id).orderBy('given_on', 'desc').orderBy('id', 'desc').execute();

export async function personOf(db: Tx, personId: string) {
  return hdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.kind', 'p.archived', 'o.id as org_id', 'o.path as org_path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

export async function orgOf(db: Tx, orgId: string) {
  return db.selectFrom('orgs').select(['id', 'path', 'name']).where('id', '=', orgId).executeTakeFirst();
}

/** A household with a file in progress or open (not refused, not exited): one household, one file. */
export async function openFileOf(db: Tx, personId: string) {
  return hdb(db)
    .selectFrom('hardship_profiles')
    .select('id')
    .where('worker_person_id', '=', personId)
    .where('status', 'in', ['applied', 'verified', 'notice', 'filed'])
    .executeTakeFirst();
}

export async function accountsOfPerson(db: Tx, personId: string): Promise<string[]> {
  return (await db.selectFrom('accounts').select('id').where('person_id', '=', personId).execute()).map((r) => r.id);
}

/** The union roots of a scope: a notice is shown to the whole top-level organisation the worker belongs to. */
export function rootsOf(scope: Scope): string[] {
  return [...new Set(scope.paths.map((p) => `/${p.split('/').filter(Boolean)[0]}/`))];
}

export async function publicNotices(db: Tx, roots: readonly string[], today: string, page: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  if (!roots.length) return { rows: [], total: 0 };
  const q = base(db)
    .where('h.status', '=', 'notice')
    .where('h.notice_to', '>=', today)
    .where((eb) => pathInScope(eb, 'h.org_path', { all: false, paths: [...roots] }));
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .select(['h.id', 'h.code', 'h.tier', 'h.notice_from', 'h.notice_to', 'p.name as worker_name', 'o.name as org_name'])
    .orderBy('h.notice_from', page.order === 'asc' ? 'asc' : 'desc')
    .orderBy('h.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}

/** Files whose next review is due within `ahead` days or overdue, and callbacks likewise: the reminder sweep. */
export function reviewsDue(db: Tx, until: string) {
  return hdb(db)
    .selectFrom('hardship_reviews as r')
    .innerJoin('hardship_profiles as h', 'h.id', 'r.profile_id')
    .select(['r.id', 'r.due_date', 'h.id as profile_id', 'h.code', 'h.org_path'])
    .where('r.reviewed_on', 'is', null)
    .where('r.cancelled', '=', 0)
    .where('r.due_date', '<=', until)
    .where('h.status', '=', 'filed')
    .execute();
}

export function callbacksDue(db: Tx, until: string) {
  return hdb(db)
    .selectFrom('hardship_callbacks as c')
    .innerJoin('hardship_profiles as h', 'h.id', 'c.profile_id')
    .select(['c.id', 'c.month', 'c.due_date', 'h.id as profile_id', 'h.code', 'h.org_path'])
    .where('c.done_on', 'is', null)
    .where('c.cancelled', '=', 0)
    .where('c.due_date', '<=', until)
    .where('h.status', '=', 'exited')
    .execute();
}
