/**
 * All SQL of the notices module. Question reads select an asker's name only through
 * `case when anonymous = 0`, so no list or count can name the author of an anonymous question.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import { indexedWalk } from '../../core/db/pagedList.js';
import { addDays } from '../../core/calendar/calendar.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import type { Scope } from '../../core/rbac/actor.js';
import { ndb, type NoticeQuestionTable, type NoticeRecipientCountTable, type NoticeTable } from './notices.tables.js';
import type { Reach } from './notices.policy.js';

type Eb = ExpressionBuilder<any, any>;
export const FILE_KIND = 'notice';

/** Orgs of the scope, as an id subquery (never a join: a list reads its page from one table). */
export function orgIn(eb: Eb, column: string, scope: Scope) {
  if (scope.all) return sql<boolean>`1 = 1`;
  return eb(
    column,
    'in',
    eb
      .selectFrom('orgs')
      .select('orgs.id')
      .where((w: Eb) => pathInScope(w, 'orgs.path', scope)),
  );
}

/** Notices a reader reaches: published at or above a grant, or anywhere below one; of their category when bound by it. */
export function readable(eb: Eb, reach: Reach) {
  if (!reach.scope.all && !reach.scope.paths.length && !reach.up.length) return sql<boolean>`1 = 0`;
  const where = [eb('n.status', '=', 'published')];
  if (!reach.scope.all) {
    const at = [...(reach.up.length ? [eb('n.org_id', 'in', reach.up)] : []), ...(reach.scope.paths.length ? [orgIn(eb, 'n.org_id', reach.scope)] : [])];
    where.push(eb.or(at));
  }
  const category = reach.category;
  if (reach.categoryBound) where.push(eb.or([eb('n.categories', 'is', null), ...(category ? [eb('n.categories', 'like', `%,${category},%`)] : [])]));
  return eb.and(where);
}

export function orgById(db: Tx, id: string) {
  return ndb(db).selectFrom('orgs').select(['id', 'path', 'name', 'kind', 'depth']).where('id', '=', id).executeTakeFirst();
}

export function personOf(db: Tx, personId: string) {
  return ndb(db)
    .selectFrom('persons')
    .select(['id', 'name', 'org_id', 'org_path', 'employment_category', 'kind', 'archived'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Active workers of the subtree (of the categories), per org and category: the recipients frozen at publication. */
export function recipientsBy(db: Tx, orgPath: string, categories: string[] | null) {
  let q = ndb(db)
    .selectFrom('persons')
    .select(['org_path', 'employment_category', sql<number>`count(*)`.as('n')])
    .where('archived', '=', 0)
    .where('kind', '=', 'worker')
    .where((eb) => pathUnder(eb, 'org_path', orgPath));
  if (categories) q = q.where('employment_category', 'in', categories);
  return q.groupBy(['org_path', 'employment_category']).execute();
}

export async function insertNotice(tx: Tx, row: Omit<NoticeTable, 'reads'>, counts: Omit<NoticeRecipientCountTable, 'reads'>[]) {
  await ndb(tx)
    .insertInto('notices')
    .values({ ...row, reads: 0 })
    .execute();
  for (let i = 0; i < counts.length; i += 200)
    await ndb(tx)
      .insertInto('notice_recipient_counts')
      .values(counts.slice(i, i + 200).map((c) => ({ ...c, reads: 0 })))
      .execute();
}

export function noticeById(db: Tx, id: string) {
  return ndb(db)
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .selectAll('n')
    .select(['o.path as org_path', 'o.name as org_name'])
    .where('n.id', '=', id)
    .executeTakeFirst();
}
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof noticeById>>>;

export function updateNotice(tx: Tx, id: string, version: number, patch: Partial<NoticeTable>) {
  return ndb(tx).updateTable('notices').set(patch).where('id', '=', id).where('version', '=', version).where('status', '=', 'published').executeTakeFirst();
}

export function markFollowed(tx: Tx, id: string, at: string, onTime: boolean) {
  return ndb(tx)
    .updateTable('notices')
    .set({ followed_at: at, followed_on_time: onTime ? 1 : 0 })
    .where('id', '=', id)
    .where('followed_at', 'is', null)
    .executeTakeFirst();
}

/** The attachments of notices by content, in upload order. */
export async function fileHashes(db: Tx, noticeIds: string[]) {
  if (!noticeIds.length) return new Map<string, { id: string; name: string; sha256: string }[]>();
  const rows = await ndb(db)
    .selectFrom('files')
    .select(['id', 'name', 'sha256', 'owner_id'])
    .where('owner_kind', '=', FILE_KIND)
    .where('owner_id', 'in', noticeIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, { id: string; name: string; sha256: string }[]>();
  for (const r of rows) out.set(r.owner_id!, [...(out.get(r.owner_id!) ?? []), { id: r.id, name: r.name, sha256: r.sha256 }]);
  return out;
}

export function noticesByIds(db: Tx, ids: string[]) {
  return ndb(db).selectFrom('notices').selectAll().where('id', 'in', ids).execute();
}

// ---- receipts ----

/**
 * A recipient's first read; a second is a no-op (primary key). A first read also counts itself on the notice and
 * on its unit × category row, in the same transaction, so read rates over any number of notices sum counts.
 */
export async function insertReceipt(tx: Tx, row: { notice_id: string; person_id: string; unit_id: string; category: string; read_at: string }) {
  const r = await ndb(tx)
    .insertInto('notice_receipts')
    .values(row)
    .onConflict((oc) => oc.columns(['notice_id', 'person_id']).doNothing())
    .executeTakeFirst();
  const fresh = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  if (!fresh) return false;
  await ndb(tx)
    .insertInto('notice_recipient_counts')
    .values({ notice_id: row.notice_id, unit_id: row.unit_id, category: row.category, recipients: 0, reads: 1 })
    .onConflict((oc) => oc.columns(['notice_id', 'unit_id', 'category']).doUpdateSet({ reads: sql`notice_recipient_counts.reads + 1` }))
    .execute();
  await ndb(tx)
    .updateTable('notices')
    .set({ reads: sql`reads + 1` })
    .where('id', '=', row.notice_id)
    .execute();
  return true;
}

/** Counts every notice's first reads afresh from its receipts (bulk writers: the demo seed). Same SQL as migration 20261208_0042. */
export async function recountReads(tx: Tx): Promise<void> {
  await sql`insert into notice_recipient_counts (notice_id, unit_id, category, recipients, reads)
    select r.notice_id, r.unit_id, r.category, 0, 0 from notice_receipts r
    where not exists (select 1 from notice_recipient_counts c where c.notice_id = r.notice_id and c.unit_id = r.unit_id and c.category = r.category)
    group by r.notice_id, r.unit_id, r.category`.execute(tx);
  await sql`update notice_recipient_counts set reads = (select count(*) from notice_receipts r
    where r.notice_id = notice_recipient_counts.notice_id and r.unit_id = notice_recipient_counts.unit_id and r.category = notice_recipient_counts.category)`.execute(
    tx,
  );
  await sql`update notices set reads = (select count(*) from notice_receipts r where r.notice_id = notices.id)`.execute(tx);
}

export function receiptOf(db: Tx, noticeId: string, personId: string | null) {
  if (!personId) return Promise.resolve(undefined);
  return ndb(db).selectFrom('notice_receipts').select('read_at').where('notice_id', '=', noticeId).where('person_id', '=', personId).executeTakeFirst();
}

export async function readCounts(db: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await ndb(db).selectFrom('notices').select(['id', 'reads']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, Number(r.reads)]));
}

export async function readAtOf(db: Tx, ids: string[], personId: string | null) {
  if (!ids.length || !personId) return new Map<string, string>();
  const rows = await ndb(db)
    .selectFrom('notice_receipts')
    .select(['notice_id', 'read_at'])
    .where('notice_id', 'in', ids)
    .where('person_id', '=', personId)
    .execute();
  return new Map(rows.map((r) => [r.notice_id, r.read_at]));
}

/** Recipients and first reads of a notice per unit × category (the counts kept with the receipts). */
export function readRatesOf(db: Tx, noticeId: string) {
  return ndb(db).selectFrom('notice_recipient_counts').select(['unit_id', 'category', 'recipients', 'reads']).where('notice_id', '=', noticeId).execute();
}

// ---- lists ----

export interface NoticeFilter {
  orgPath?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  dueFrom?: string;
  dueTo?: string;
  onSchedule?: boolean;
  unreadBy?: string;
}

/** The first instant of a Beijing day as published_at stores instants (UTC ISO). */
const beijingDayStart = (date: string) => `${addDays(date, -1)}T16:00:00.000Z`;

const base = (db: Tx) => ndb(db).selectFrom('notices as n');

/** `walk`: many matches, newest (or oldest) first — read the (published_at, id) index and stop after the page (the kit's pagedList). */
export function filtered(db: Tx, where: (eb: Eb) => ReturnType<typeof sql<boolean>> | ReturnType<Eb['and']>, f: NoticeFilter, walk = false) {
  let q = (walk ? (indexedWalk(db, 'notices as n', 'notices_published', true) as unknown as ReturnType<typeof base>) : base(db)).where((eb) => where(eb));
  if (f.orgPath) {
    const p = f.orgPath;
    q = q.where((eb) =>
      eb(
        'n.org_id',
        'in',
        eb
          .selectFrom('orgs')
          .select('orgs.id')
          .where((w) => pathUnder(w, 'orgs.path', p)),
      ),
    );
  }
  if (f.kind) q = q.where('n.kind', '=', f.kind);
  if (f.status) q = q.where('n.status', '=', f.status);
  // The days bound the (published_at, id) index the list walks as well: on published_date alone a month's walk began at
  // the newest notice and read every later one before reaching the month (30 ms at L for June). Same rows: the date is
  // the instant's Beijing day.
  if (f.from) q = q.where('n.published_date', '>=', f.from).where('n.published_at', '>=', beijingDayStart(f.from));
  if (f.to) q = q.where('n.published_date', '<=', f.to).where('n.published_at', '<', beijingDayStart(addDays(f.to, 1)));
  if (f.dueFrom) q = q.where('n.next_due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('n.next_due_date', '<=', f.dueTo);
  if (f.dueFrom || f.dueTo) q = q.where('n.status', '=', 'published');
  if (f.onSchedule !== undefined)
    q = f.onSchedule ? q.where('n.followed_on_time', '=', 1) : q.where((eb) => eb.or([eb('n.followed_on_time', '=', 0), eb('n.followed_on_time', 'is', null)]));
  if (f.unreadBy) {
    const a = f.unreadBy;
    // The reader's receipts once (notice_receipts_person), not one probe per candidate notice.
    q = q.where('n.id', 'not in', (eb) => eb.selectFrom('notice_receipts as r').select('r.notice_id').where('r.person_id', '=', a));
  }
  return q;
}

/** The notices `countFiltered` counts, by id: the same filter, for the records a figure names. */
export async function filteredIds(db: Tx, where: Parameters<typeof filtered>[1], f: NoticeFilter): Promise<string[]> {
  return (await filtered(db, where, f).select('n.id').execute()).map((r) => r.id);
}

export async function countFiltered(db: Tx, where: Parameters<typeof filtered>[1], f: NoticeFilter): Promise<number> {
  const r = await filtered(db, where, f)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function pageFiltered(
  db: Tx,
  where: Parameters<typeof filtered>[1],
  f: NoticeFilter,
  page: { offset: number; limit: number; sort: 'publishedAt' | 'nextDueDate'; order: 'asc' | 'desc' },
) {
  const col = page.sort === 'nextDueDate' ? 'n.next_due_date' : 'n.published_at';
  const ids = await filtered(db, where, f).select('n.id').orderBy(col, page.order).orderBy('n.id', page.order).offset(page.offset).limit(page.limit).execute();
  return rowsOf(
    db,
    ids.map((r) => r.id),
  );
}

/**
 * A worker's page, newest (or oldest) first, as a walk: one ordered read per org they reach on
 * `notices_reach` (org, status, published_at, id), each stopped after the rows the page needs, and
 * the arms merged here. A worker reaches a handful of orgs (their team and those above it), so this
 * is a few short index reads where one `org_id in (…)` read every reachable notice and sorted them.
 */
export async function pageByOrgs(db: Tx, reach: Reach, f: NoticeFilter, page: { offset: number; limit: number; order: 'asc' | 'desc' }) {
  const need = page.offset + page.limit;
  const arms = await Promise.all(
    reach.up.map((orgId) =>
      filtered(db, (eb) => readable(eb, { ...reach, up: [orgId] }), f)
        .select(['n.id', 'n.published_at'])
        .orderBy('n.published_at', page.order)
        .orderBy('n.id', page.order)
        .limit(need)
        .execute(),
    ),
  );
  const sign = page.order === 'desc' ? -1 : 1;
  const merged = arms
    .flat()
    .sort((a, b) => sign * (a.published_at < b.published_at ? -1 : a.published_at > b.published_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rowsOf(
    db,
    merged.slice(page.offset, need).map((r) => r.id),
  );
}

/** The rows of a page's ids with their org, in the ids' order. */
export async function rowsOf(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ndb(db)
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .selectAll('n')
    .select(['o.path as org_path', 'o.name as org_name'])
    .where('n.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/**
 * Recipients and first reads per unit × category summed over the notices a filter selects: rows of the counts
 * kept with the receipts, so the cost follows the number of notices, never of receipts.
 */
export async function readRatesAcross(db: Tx, where: Parameters<typeof filtered>[1], f: NoticeFilter) {
  const ids = filtered(db, where, f).select('n.id');
  const [rows, n] = await Promise.all([
    ndb(db)
      .selectFrom('notice_recipient_counts as c')
      .where('c.notice_id', 'in', ids)
      .select(['c.unit_id', 'c.category', sql<number>`sum(c.recipients)`.as('recipients'), sql<number>`sum(c.reads)`.as('reads')])
      .groupBy(['c.unit_id', 'c.category'])
      .execute(),
    filtered(db, where, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, recipients: Number(r.recipients), reads: Number(r.reads) })), notices: Number(n.n) };
}

/** Receipts and recipients of the notices a filter selects (the read-rate figure). */
export async function readTotals(db: Tx, where: Parameters<typeof filtered>[1], f: NoticeFilter) {
  const r = await filtered(db, where, f)
    .select([sql<number>`coalesce(sum(n.recipients), 0)`.as('recipients'), sql<number>`coalesce(sum(n.reads), 0)`.as('reads')])
    .executeTakeFirstOrThrow();
  return { recipients: Number(r.recipients), reads: Number(r.reads) };
}

// ---- questions ----

export function insertQuestion(tx: Tx, row: NoticeQuestionTable) {
  return ndb(tx).insertInto('notice_questions').values(row).execute();
}

const QUESTION_COLUMNS = [
  'q.id',
  'q.notice_id',
  'q.org_id',
  'q.author_account_id',
  'q.anonymous',
  'q.body',
  'q.status',
  'q.asked_at',
  'q.answer',
  'q.answered_at',
  'n.title as notice_title',
  'n.org_id as notice_org_id',
] as const;

function questions(db: Tx) {
  return ndb(db)
    .selectFrom('notice_questions as q')
    .innerJoin('notices as n', 'n.id', 'q.notice_id')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select(QUESTION_COLUMNS)
    .select([sql<string | null>`case when q.anonymous = 0 then q.author_name end`.as('author_name'), 'o.path as notice_org_path']);
}

export function questionById(db: Tx, id: string) {
  return questions(db).where('q.id', '=', id).executeTakeFirst();
}
export type QuestionRow = NonNullable<Awaited<ReturnType<typeof questionById>>>;

export interface QuestionFilter {
  noticeId?: string;
  status?: string;
  from?: string;
  to?: string;
}

function questionWhere(db: Tx, publish: Scope, account: string, f: QuestionFilter, publicOf?: string) {
  let q = questions(db).where((eb) =>
    eb.or([
      orgIn(eb, 'n.org_id', publish),
      eb('q.author_account_id', '=', account),
      // Readers of a notice see its answered questions, without names.
      ...(publicOf ? [eb.and([eb('q.notice_id', '=', publicOf), eb('q.status', '=', 'answered')])] : []),
    ]),
  );
  if (f.noticeId) q = q.where('q.notice_id', '=', f.noticeId);
  if (f.status) q = q.where('q.status', '=', f.status);
  if (f.from) q = q.where('q.asked_date', '>=', f.from);
  if (f.to) q = q.where('q.asked_date', '<=', f.to);
  return q;
}

export async function listQuestions(
  db: Tx,
  publish: Scope,
  account: string,
  f: QuestionFilter,
  page: { offset: number; limit: number; order: 'asc' | 'desc' },
  publicOf?: string,
) {
  const base = questionWhere(db, publish, account, f, publicOf);
  const [items, total] = await Promise.all([
    base.orderBy('q.asked_at', page.order).orderBy('q.id', page.order).offset(page.offset).limit(page.limit).execute(),
    base
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function questionCounts(db: Tx, noticeId: string) {
  const r = await ndb(db)
    .selectFrom('notice_questions')
    .select([sql<number>`count(*)`.as('total'), sql<number>`coalesce(sum(case when status = 'answered' then 1 else 0 end), 0)`.as('answered')])
    .where('notice_id', '=', noticeId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), answered: Number(r.answered) };
}

/** Questions placed in the scope and asked in [from, to], optionally only the answered ones. */
/** Questions asked in the period and placed in the scope (of a status): what the questions figure counts. */
function asked(db: Tx, scope: Scope, f: { from: string; to: string; status?: string }) {
  let q = ndb(db)
    .selectFrom('notice_questions as q')
    .where((eb) => orgIn(eb, 'q.org_id', scope))
    .where('q.asked_date', '>=', f.from)
    .where('q.asked_date', '<=', f.to);
  if (f.status) q = q.where('q.status', '=', f.status);
  return q;
}

export async function countQuestions(db: Tx, scope: Scope, f: { from: string; to: string; status?: string }) {
  return Number(
    (
      await asked(db, scope, f)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The questions `countQuestions` counts, by id. */
export async function questionIds(db: Tx, scope: Scope, f: { from: string; to: string; status?: string }): Promise<string[]> {
  return (await asked(db, scope, f).select('q.id').execute()).map((r) => r.id);
}

/** Periodic notices not yet followed whose next issue is due by `until`. */
export function dueNotices(db: Db, since: string, until: string, limit: number) {
  return ndb(db)
    .selectFrom('notices as n')
    .innerJoin('orgs as o', 'o.id', 'n.org_id')
    .select(['n.id', 'n.title', 'n.next_due_date', 'n.published_by', 'o.path as org_path'])
    .where('n.kind', '=', 'periodic')
    .where('n.status', '=', 'published')
    .where('n.followed_at', 'is', null)
    .where('n.next_due_date', '>=', since)
    .where('n.next_due_date', '<=', until)
    .orderBy('n.next_due_date')
    .limit(limit)
    .execute();
}
