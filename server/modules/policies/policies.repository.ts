/**
 * All SQL of the policies module. Reads select an asker's name only through
 * `case when anonymous = 0` and never return the asker's account, so no list, detail,
 * search or FAQ can name the author of an anonymous question.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import { engineOf } from '../../core/db/dialect.js';
import { indexedWalk, pagedList, type PagedList } from '../../core/db/pagedList.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import type { Scope } from '../../core/rbac/actor.js';
import { countMatchesUpTo, matchesRef, searchRefs, upsertSearchDoc } from '../../core/search/search.js';
import { segmentWords } from '../../core/search/segment.js';
import { pdb, type PolicyArticleTable, type PolicyQuestionTable, type PolicyTable } from './policies.tables.js';
import type { Reach } from './policies.policy.js';
import type { PolicyListQuery, QuestionFilter } from '../../../common/schemas/policies.js';

export const ARTICLE_INDEX = 'policy_article_search';
export const QUESTION_INDEX = 'policy_question_search';
export const FAQ_INDEX = 'policy_faq_search';

type Eb = ExpressionBuilder<any, any>;

/** Orgs of the scope, as an id subquery (never a join: the list reads its page from one table). */
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

/** A library the reach covers: held above (or at) a grant, or anywhere below one. */
function inReach(eb: Eb, column: string, reach: Reach) {
  if (reach.scope.all) return sql<boolean>`1 = 1`;
  if (!reach.scope.paths.length) return sql<boolean>`1 = 0`;
  return eb.or([eb(column, 'in', reach.up), orgIn(eb, column, reach.scope)]);
}

export function orgById(db: Tx, id: string) {
  return pdb(db).selectFrom('orgs').select(['id', 'path', 'name', 'kind', 'depth']).where('id', '=', id).executeTakeFirst();
}

export function personOfAccount(db: Tx, personId: string) {
  return pdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'p.employment_category', 'o.path as org_path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

// ---- the library ----

export async function insertPolicy(tx: Tx, row: PolicyTable, articles: PolicyArticleTable[]) {
  await pdb(tx).insertInto('policies').values(row).execute();
  for (let i = 0; i < articles.length; i += 200)
    await pdb(tx)
      .insertInto('policy_articles')
      .values(articles.slice(i, i + 200))
      .execute();
  for (const a of articles) await upsertSearchDoc(tx, ARTICLE_INDEX, a.id, `${row.title} ${a.label} ${a.chapter ?? ''} ${a.body}`);
}

export function policyById(db: Tx, id: string) {
  return pdb(db)
    .selectFrom('policies as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select(['o.path as org_path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function articlesOf(db: Tx, policyId: string) {
  return pdb(db).selectFrom('policy_articles').selectAll().where('policy_id', '=', policyId).orderBy('seq').execute();
}

export function versionsOf(db: Tx, seriesId: string) {
  return pdb(db)
    .selectFrom('policies')
    .select(['id', 'version', 'status', 'effective_date'])
    .where('series_id', '=', seriesId)
    .orderBy('version', 'desc')
    .execute();
}

/**
 * Below this many matching articles a search sorts its matches; above it (a common word such as
 * 工资 matches a sixth of a large library) it walks the library newest first and stops at its page.
 */
export const DENSE_MATCHES = 2_000;

const POLICY_SORT: Record<string, string> = { effectiveDate: 'p.effective_date', title: 'p.title', updatedAt: 'p.updated_at' };

export async function listPolicies(db: Db, reach: Reach, f: PolicyListQuery) {
  let q = pdb(db)
    .selectFrom('policies as p')
    .where((eb) => inReach(eb, 'p.org_id', reach));
  if (f.level) q = q.where('p.level', 'in', f.level);
  if (f.status) q = q.where('p.status', 'in', f.status);
  if (f.q) {
    const refs = searchRefs(db, ARTICLE_INDEX, f.q);
    if (!refs) return { items: [], total: 0 };
    q = q.where('p.id', 'in', (eb) => eb.selectFrom('policy_articles').select('policy_id').where('id', 'in', refs));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const col = POLICY_SORT[f.sort ?? 'effectiveDate'];
  const order = f.sort ? f.order : 'desc';
  const items = await q
    .selectAll('p')
    .orderBy(sql.ref(col), order)
    .orderBy('p.id', order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total };
}

export async function searchArticles(db: Db, reach: Reach, query: string, all: boolean, page: number, pageSize: number, denseAbove = DENSE_MATCHES) {
  const refs = searchRefs(db, ARTICLE_INDEX, query);
  if (!refs) return [];
  const dense = (await countMatchesUpTo(db, ARTICLE_INDEX, query, denseAbove)) > denseAbove;
  // Dense: `cross join` and `indexed by` fix the plan on SQLite (policies outer, by the effective-date
  // index; else it gathers the reach's policies by org and sorts), so the walk reads policies newest
  // first and each one's articles in order, testing each article.
  // Sparse: the few matches drive the join and are sorted. PostgreSQL plans either freely.
  const from = dense
    ? pdb(db)
        .selectFrom(engineOf(db) === 'sqlite' ? (sql`policies as p indexed by policies_effective` as unknown as 'policies as p') : 'policies as p')
        .crossJoin('policy_articles as a')
        .whereRef('a.policy_id', '=', 'p.id')
        .where(() => matchesRef(db, ARTICLE_INDEX, query, 'a.id')!)
    : pdb(db).selectFrom('policy_articles as a').innerJoin('policies as p', 'p.id', 'a.policy_id').where('a.id', 'in', refs);
  let q = from
    .selectAll('a')
    .select(['p.title as policy_title', 'p.status as policy_status', 'p.doc_number'])
    .where((eb) => inReach(eb, 'p.org_id', reach));
  if (!all) q = q.where('p.status', '=', 'effective');
  return q
    .orderBy('p.effective_date', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('a.seq')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
}

/** Articles by id with the path of the library that holds them (to check the answerer may cite them). */
export function articlesByIds(db: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return pdb(db)
    .selectFrom('policy_articles as a')
    .innerJoin('policies as p', 'p.id', 'a.policy_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['a.id', 'a.policy_id', 'a.label', 'a.body', 'p.title as policy_title', 'p.status as policy_status', 'o.path as org_path'])
    .where('a.id', 'in', ids)
    .execute();
}

/** Flags every answer and FAQ entry citing `policyId` for review; how many. */
export async function flagCitingQuestions(tx: Tx, policyId: string, iso: string): Promise<number> {
  const r = await pdb(tx)
    .updateTable('policy_questions')
    .set({ review_needed: 1, updated_at: iso })
    .where('id', 'in', (eb) => eb.selectFrom('policy_citations').select('question_id').where('policy_id', '=', policyId))
    .where('review_needed', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- questions ----

export async function insertQuestion(tx: Tx, row: PolicyQuestionTable) {
  await pdb(tx).insertInto('policy_questions').values(row).execute();
  await upsertSearchDoc(tx, QUESTION_INDEX, row.id, `${row.title} ${row.body}`);
}

export function questionById(db: Tx, id: string) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .innerJoin('orgs as o', 'o.id', 'q.org_id')
    .selectAll('q')
    .select(['o.path as org_path', 'o.name as org_name'])
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export type QuestionRow = NonNullable<Awaited<ReturnType<typeof questionById>>>;

/** What a list may show: the asker's name only for named questions, and whether it is the caller's own. */
function listColumns(me: string) {
  return [
    'q.id',
    'q.topic',
    'q.title',
    'q.status',
    'q.anonymous',
    'q.asked_at',
    'q.due_date',
    'q.answered_at',
    'q.on_time',
    'q.review_needed',
    sql<string | null>`case when q.anonymous = 0 then q.author_name end`.as('asker_name'),
    sql<number>`case when q.author_account_id = ${me} then 1 else 0 end`.as('mine'),
  ] as const;
}

/** The sorts; the keyed ones have a (key, id) index (migration 20261207_1230) and go on by cursor. */
const QUESTION_SORT = {
  askedAt: { column: 'q.asked_at', index: 'policy_questions_asked_keys' },
  dueDate: { column: 'q.due_date', index: 'policy_questions_due_keys' },
  status: { column: 'q.status', index: null },
} as const;

/**
 * `own` = the caller's own questions only; otherwise those placed in `scope`. On the kit's list
 * (core/db/pagedList.ts): a count up to COUNT_CAP (「2000+」), page numbers up to it (past it a 400
 * naming `query.page`), then the `after` cursor in the keyed sorts; the page's ids are read off the
 * questions alone and only their rows are joined to the org names.
 */
export async function listQuestions(
  db: Db,
  me: string,
  where: { own: boolean; scope: Scope },
  f: QuestionFilter & { page: number; pageSize: number; sort?: keyof typeof QUESTION_SORT; order: 'asc' | 'desc'; after?: string },
): Promise<PagedList<QuestionListRow>> {
  const none = { rows: [], total: 0, totalCapped: false, nextCursor: null };
  const narrowed = where.own ? where.scope : await narrowTo(db, where.scope, f.orgId);
  if (!narrowed) return none;
  const g = where.own ? f : { ...f, orgId: undefined };
  const sort = QUESTION_SORT[f.sort ?? 'askedAt'];
  const from = (walk: boolean) => {
    const base = sort.index ? indexedWalk(db, 'policy_questions as q', sort.index, walk) : pdb(db).selectFrom('policy_questions as q');
    return applyFilter(db, where.own ? base.where('q.author_account_id', '=', me) : base.where((eb) => orgIn(eb, 'q.org_id', narrowed)), g);
  };
  const counted = from(false);
  if (!counted) return none;
  return pagedList(db, {
    counted,
    ids: (walk) => from(walk)!,
    // Newest first unless the caller chose a sort (the queue's default is by deadline, asked for by the page).
    sort: { column: sort.column, id: 'q.id', order: f.sort ? f.order : 'desc' },
    keyed: sort.index !== null,
    page: f,
    load: (ids) => questionRows(db, me, ids),
  });
}

/** The list's rows of these questions, with their org's name. */
function questionRows(db: Db, me: string, ids: string[]) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .innerJoin('orgs as o', 'o.id', 'q.org_id')
    .select([...listColumns(me), 'o.name as org_name'])
    .where('q.id', 'in', ids)
    .execute();
}
export type QuestionListRow = Awaited<ReturnType<typeof questionRows>>[number];

/**
 * The scope cut to the subtree of `orgId` (a unit filter), as one path range the org index reads
 * instead of two id lists; null when the unit is unknown or outside the scope.
 */
export async function narrowTo(db: Db, scope: Scope, orgId: string | undefined): Promise<Scope | null> {
  if (!orgId) return scope;
  const org = await orgById(db, orgId);
  if (!org) return null;
  if (scope.all || scope.paths.some((p) => org.path.startsWith(p))) return { all: false, paths: [org.path] };
  const below = scope.paths.filter((p) => p.startsWith(org.path));
  return below.length ? { all: false, paths: below } : null;
}

/** The filters every question read shares (list, indicator drill-down); null when a search matches nothing. */
function applyFilter<Q extends { where: any }>(db: Db, q: Q, f: QuestionFilter): Q | null {
  let out: any = q;
  if (f.status) out = out.where('q.status', 'in', f.status);
  if (f.topic) out = out.where('q.topic', 'in', f.topic);
  // Anonymous questions carry no category (匿名规则), so this cut never holds one.
  if (f.employmentCategory) out = out.where('q.author_category', 'in', f.employmentCategory);
  if (f.orgId) {
    const orgId = f.orgId;
    out = out.where('q.org_id', 'in', (eb: Eb) =>
      eb
        .selectFrom('orgs as sub')
        .select('sub.id')
        .where((w: Eb) =>
          w.exists(
            w
              .selectFrom('orgs as top')
              .select('top.id')
              .where('top.id', '=', orgId)
              .where('sub.path', '>=', sql.ref('top.path'))
              .where('sub.path', '<', sql`top.path || '~'`),
          ),
        ),
    );
  }
  if (f.from) out = out.where('q.asked_date', '>=', f.from);
  if (f.to) out = out.where('q.asked_date', '<=', f.to);
  if (f.onTime !== undefined) out = out.where('q.on_time', '=', f.onTime ? 1 : 0);
  if (f.reviewNeeded !== undefined) out = out.where('q.review_needed', '=', f.reviewNeeded ? 1 : 0);
  if (f.deflected !== undefined) out = f.deflected ? out.where('q.deflections', '>', 0) : out.where('q.deflections', '=', 0);
  if (f.q) {
    const refs = searchRefs(db, QUESTION_INDEX, f.q);
    if (!refs) return null;
    out = out.where('q.id', 'in', refs);
  }
  return out;
}

/** Questions in the scope matching `f` — one query for the count, the ids and the topics, so the three cannot drift. Null: nothing can match. */
function scopedQuestions(db: Db, scope: Scope, f: QuestionFilter) {
  return applyFilter(
    db,
    pdb(db)
      .selectFrom('policy_questions as q')
      .where((eb) => orgIn(eb, 'q.org_id', scope)),
    f,
  );
}

/** Counts for an indicator: questions in the scope matching `f`. */
export async function countQuestions(db: Db, scope: Scope, f: QuestionFilter): Promise<number> {
  const q = scopedQuestions(db, scope, f);
  if (!q) return 0;
  return Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
}

/** The questions `countQuestions` counts, by id: the same filter, for the records a figure names. */
export async function questionIds(db: Db, scope: Scope, f: QuestionFilter): Promise<string[]> {
  const q = scopedQuestions(db, scope, f);
  if (!q) return [];
  return ((await q.select('q.id').execute()) as { id: string }[]).map((r) => r.id);
}

/** Questions of the scope asked in the period, per topic, most asked first (the topic with fewer ids first on a tie, so the order is fixed). */
export async function topicCounts(db: Db, scope: Scope, f: { from: string; to: string }): Promise<{ topic: string; n: number }[]> {
  const q = scopedQuestions(db, scope, f);
  if (!q) return [];
  const rows = await q
    .select(['q.topic', (eb: any) => eb.fn.countAll().as('n')])
    .groupBy('q.topic')
    .execute();
  return rows.map((r: any) => ({ topic: r.topic as string, n: Number(r.n) })).sort((a: any, b: any) => b.n - a.n || (a.topic < b.topic ? -1 : 1));
}

export function citationsOf(db: Tx, questionIds: string[]) {
  if (!questionIds.length) return Promise.resolve([]);
  return pdb(db)
    .selectFrom('policy_citations as c')
    .innerJoin('policy_articles as a', 'a.id', 'c.article_id')
    .innerJoin('policies as p', 'p.id', 'c.policy_id')
    .select(['c.question_id', 'c.article_id', 'c.policy_id', 'a.label', 'a.body', 'a.seq', 'p.title as policy_title', 'p.status as policy_status'])
    .where('c.question_id', 'in', questionIds)
    .orderBy('p.title')
    .orderBy('a.seq')
    .execute();
}

export async function replaceCitations(tx: Tx, questionId: string, articles: { id: string; policy_id: string }[]) {
  await pdb(tx).deleteFrom('policy_citations').where('question_id', '=', questionId).execute();
  if (articles.length)
    await pdb(tx)
      .insertInto('policy_citations')
      .values(articles.map((a) => ({ question_id: questionId, article_id: a.id, policy_id: a.policy_id })))
      .execute();
}

export async function indexFaq(tx: Tx, id: string, text: string) {
  await upsertSearchDoc(tx, FAQ_INDEX, id, text);
}

/**
 * Published FAQ entries of the libraries the reach covers. With `q` (a worker's draft question,
 * a sentence), the entries sharing any of its words, nearest first: most words shared, then most reused.
 */
export async function listFaq(db: Db, reach: Reach, f: { q?: string; topic?: string[]; page: number; pageSize: number }) {
  const words = f.q ? [...new Set(segmentWords(f.q).filter((w) => [...w].length >= 2))].slice(0, 8) : [];
  // Common words (a large FAQ): the newest entries are tested one by one until 200 share a word,
  // instead of gathering every entry of every word first; on SQLite by the (status, published_at)
  // index, which it would otherwise pass over for the libraries' ids and a sort.
  let dense = false;
  for (const w of words) if (!dense && (await countMatchesUpTo(db, FAQ_INDEX, w, DENSE_MATCHES)) > DENSE_MATCHES) dense = true;
  const table =
    dense && engineOf(db) === 'sqlite'
      ? (sql`policy_questions as q indexed by policy_questions_published` as unknown as 'policy_questions as q')
      : 'policy_questions as q';
  let q = pdb(db)
    .selectFrom(table)
    .where('q.status', '=', 'published')
    .where((eb) => inReach(eb, 'q.library_org_id', reach));
  if (f.topic) q = q.where('q.topic', 'in', f.topic);
  const columns = ['q.id', 'q.topic', 'q.faq_title', 'q.faq_answer', 'q.published_at', 'q.deflections', 'q.review_needed'] as const;
  if (!f.q) {
    return q
      .select(columns)
      .orderBy('q.deflections', 'desc')
      .orderBy('q.published_at', 'desc')
      .orderBy('q.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
  }
  const refs = words.map((w) => searchRefs(db, FAQ_INDEX, w)).filter((r): r is NonNullable<typeof r> => r !== null);
  if (!refs.length) return [];
  const tests = dense ? words.map((w) => matchesRef(db, FAQ_INDEX, w, 'q.id')).filter((r): r is NonNullable<typeof r> => r !== null) : [];
  const candidates = await q
    .where((eb) => (dense ? eb.or(tests) : eb.or(refs.map((r) => eb('q.id', 'in', r)))))
    .select(columns)
    .orderBy('q.published_at', 'desc')
    // Entries published in the same instant (a bulk import) come in one order on both engines, so pages neither repeat nor skip one.
    .orderBy('q.id', 'desc')
    .limit(200)
    .execute();
  const shared = (c: (typeof candidates)[number]) => words.filter((w) => `${c.faq_title} ${c.faq_answer}`.toLowerCase().includes(w)).length;
  return candidates
    .map((c) => ({ c, n: shared(c) }))
    .sort((a, b) => b.n - a.n || b.c.deflections - a.c.deflections)
    .slice((f.page - 1) * f.pageSize, f.page * f.pageSize)
    .map((x) => x.c);
}

export function faqById(db: Tx, id: string) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .innerJoin('orgs as o', 'o.id', 'q.library_org_id')
    .select(['q.id', 'q.topic', 'q.faq_title', 'q.faq_answer', 'q.published_at', 'q.deflections', 'q.review_needed', 'q.status', 'o.path as library_path'])
    .where('q.id', '=', id)
    .executeTakeFirst();
}

export async function countDeflection(tx: Tx, id: string) {
  await pdb(tx)
    .updateTable('policy_questions')
    .set((eb) => ({ deflections: eb('deflections', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Unanswered questions due on or before `day`, for the reminder sweep. */
export function dueQuestions(db: Tx, day: string, limit: number) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .innerJoin('orgs as o', 'o.id', 'q.org_id')
    .select(['q.id', 'q.title', 'q.due_date', 'o.path as org_path'])
    .where('q.status', '=', 'submitted')
    .where('q.due_date', '<=', day)
    .orderBy('q.due_date')
    .limit(limit)
    .execute();
}

/** The questions of `topic` placed in `scope` asked on or after `since` (not withdrawn), newest first, at most `cap`. */
export function recentQuestions(db: Db, scope: Scope, topic: string, since: string, cap: number) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .select(['q.id', 'q.topic', 'q.title', 'q.body', 'q.status', 'q.asked_at', 'q.asked_date', 'q.author_account_id', 'q.signature'])
    .where((eb) => orgIn(eb, 'q.org_id', scope))
    .where('q.topic', '=', topic)
    .where('q.asked_date', '>=', since)
    .where('q.status', '!=', 'withdrawn')
    .orderBy('q.asked_at', 'desc')
    .limit(cap)
    .execute();
}

/** FAQ entries of the reach published on or after `since`: an explanation already given. */
export function faqPublishedSince(db: Db, reach: Reach, since: string) {
  return pdb(db)
    .selectFrom('policy_questions as q')
    .select(['q.id', 'q.topic', 'q.faq_title', 'q.faq_answer', 'q.published_at'])
    .where('q.status', '=', 'published')
    .where('q.published_at', '>=', since)
    .where((eb) => inReach(eb, 'q.library_org_id', reach))
    .execute();
}

/** Questions asked before signatures were kept (the backfill job's batch). */
export function unsignedQuestions(db: Db, limit: number) {
  return pdb(db).selectFrom('policy_questions').select(['id', 'title', 'body']).where('signature', 'is', null).limit(limit).execute();
}

export async function setSignature(db: Tx, id: string, signature: string) {
  await pdb(db).updateTable('policy_questions').set({ signature }).where('id', '=', id).where('signature', 'is', null).execute();
}
