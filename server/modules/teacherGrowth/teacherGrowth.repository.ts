/** All SQL of teacherGrowth. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import { pagedList, type PagedList } from '../../core/db/pagedList.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import { gdb, type GrowthPlanTable } from './teacherGrowth.tables.js';
import { comparePinyin } from '../../../common/school.js';

type H = Db | Tx;

export interface TeacherRef {
  id: string;
  name: string;
  subject: string | null;
  schoolId: string;
  schoolPath: string;
}

/** A current teacher and the school above their org; undefined for anyone else. */
export async function teacherOf(db: H, personId: string): Promise<TeacherRef | undefined> {
  const p = await gdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.subject', 'p.kind', 'p.archived', 'o.path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p || p.kind !== 'teacher' || p.archived) return undefined;
  const school = await schoolAbove(db, p.path);
  return school && { id: p.id, name: p.name, subject: p.subject, schoolId: school.id, schoolPath: school.path };
}

/** The nearest org of kind school on a path (the org itself included). */
export async function schoolAbove(db: H, path: string): Promise<{ id: string; path: string; name: string } | undefined> {
  const ids = path.split('/').filter(Boolean);
  if (!ids.length) return undefined;
  const rows = await gdb(db).selectFrom('orgs').select(['id', 'path', 'name']).where('id', 'in', ids).where('kind', '=', 'school').execute();
  return rows.sort((a, b) => b.path.length - a.path.length)[0];
}

export function schoolOrg(db: H, id: string) {
  return gdb(db).selectFrom('orgs').select(['id', 'path', 'name']).where('id', '=', id).where('kind', '=', 'school').executeTakeFirst();
}

export function tierOverrides(db: H, schoolId: string) {
  return gdb(db).selectFrom('growth_tiers').select(['tier', 'definition']).where('school_id', '=', schoolId).execute();
}

export async function saveTier(db: Tx, schoolId: string, tier: string, definition: string, at: string) {
  const g = gdb(db);
  const had = await g.deleteFrom('growth_tiers').where('school_id', '=', schoolId).where('tier', '=', tier).executeTakeFirst();
  await g.insertInto('growth_tiers').values({ school_id: schoolId, tier, definition, updated_at: at }).execute();
  return Number(had.numDeletedRows) > 0;
}

export function placementOf(db: H, teacherId: string) {
  return gdb(db).selectFrom('growth_placements').selectAll().where('teacher_id', '=', teacherId).executeTakeFirst();
}

export async function place(
  db: Tx,
  row: { teacher_id: string; school_id: string; school_path: string; tier: string; milestone: string | null; since: string; updated_at: string },
) {
  const g = gdb(db);
  await g.deleteFrom('growth_placements').where('teacher_id', '=', row.teacher_id).execute();
  await g.insertInto('growth_placements').values(row).execute();
}

/** Whether `mentorId` mentors `menteeId` now. */
export async function mentors(db: H, mentorId: string, menteeId: string): Promise<boolean> {
  const r = await gdb(db)
    .selectFrom('growth_mentorships')
    .select('id')
    .where('mentor_id', '=', mentorId)
    .where('mentee_id', '=', menteeId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return r !== undefined;
}

export function menteeIdsOf(db: H, mentorId: string) {
  return gdb(db).selectFrom('growth_mentorships').select('mentee_id').where('mentor_id', '=', mentorId).where('ended_on', 'is', null).execute();
}

export function mentorAccountsOf(db: H, menteeId: string) {
  return gdb(db)
    .selectFrom('growth_mentorships as m')
    .innerJoin('accounts as a', 'a.person_id', 'm.mentor_id')
    .select('a.id')
    .where('m.mentee_id', '=', menteeId)
    .where('m.ended_on', 'is', null)
    .where('a.disabled', '=', 0)
    .execute();
}

export function accountsOfPerson(db: H, personId: string) {
  return gdb(db).selectFrom('accounts').select('id').where('person_id', '=', personId).where('disabled', '=', 0).execute();
}

export function mentorships(db: H, f: { schoolPath?: string; personId?: string; id?: string }) {
  let q = gdb(db)
    .selectFrom('growth_mentorships as m')
    .innerJoin('persons as a', 'a.id', 'm.mentor_id')
    .innerJoin('persons as b', 'b.id', 'm.mentee_id')
    .select([
      'm.id',
      'm.school_id',
      'm.school_path',
      'm.mentor_id',
      'a.name as mentor_name',
      'm.mentee_id',
      'b.name as mentee_name',
      'm.started_on',
      'm.ended_on',
    ]);
  if (f.schoolPath) q = q.where('m.school_path', '=', f.schoolPath);
  if (f.personId) q = q.where((eb) => eb.or([eb('m.mentor_id', '=', f.personId!), eb('m.mentee_id', '=', f.personId!)]));
  if (f.id) q = q.where('m.id', '=', f.id);
  return q.orderBy('m.started_on', 'desc').orderBy('m.id').execute();
}

/**
 * The current mentors of every mentee of a school, read once and grouped by mentee (newest pair
 * first, as `mentorships` orders them): the roster looked each teacher's mentors up by filtering
 * every pair of the school, teachers × pairs at scale L.
 */
export async function currentMentorsByMentee(db: H, schoolPath: string): Promise<Map<string, string[]>> {
  const rows = await gdb(db)
    .selectFrom('growth_mentorships as m')
    .innerJoin('persons as a', 'a.id', 'm.mentor_id')
    .select(['m.mentee_id', 'a.name'])
    .where('m.school_path', '=', schoolPath)
    .where('m.ended_on', 'is', null)
    .orderBy('m.started_on', 'desc')
    .orderBy('m.id')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.mentee_id) ?? out.set(r.mentee_id, []).get(r.mentee_id)!).push(r.name);
  return out;
}

export function insertMentorship(
  db: Tx,
  row: { id: string; school_id: string; school_path: string; mentor_id: string; mentee_id: string; started_on: string; ended_on: null; created_at: string },
) {
  return gdb(db).insertInto('growth_mentorships').values(row).execute();
}

export function endMentorship(db: Tx, id: string, on: string) {
  return gdb(db).updateTable('growth_mentorships').set({ ended_on: on }).where('id', '=', id).where('ended_on', 'is', null).executeTakeFirst();
}

// ---- plans ----

export type PlanRow = GrowthPlanTable & { teacher_name: string };

const planSelect = (db: H) =>
  gdb(db).selectFrom('growth_plans as g').innerJoin('persons as p', 'p.id', 'g.teacher_id').selectAll('g').select('p.name as teacher_name');

export function loadPlan(db: H, id: string): Promise<PlanRow | undefined> {
  return planSelect(db).where('g.id', '=', id).executeTakeFirst();
}

export function openPlanOf(db: H, teacherId: string) {
  return gdb(db).selectFrom('growth_plans').select(['id', 'status']).where('teacher_id', '=', teacherId).where('status', '<>', 'complete').executeTakeFirst();
}

export interface PlanFilter {
  teacherIds?: string[];
  scope?: Scope;
  schoolPath?: string;
  status?: string;
  underWay?: boolean;
  onTrack?: { from: string; to: string };
}

/** One teacher's plans, newest first (a teacher writes one every three years). */
export function plansOfTeacher(db: H, teacherId: string): Promise<PlanRow[]> {
  return planSelect(db).where('g.teacher_id', '=', teacherId).orderBy('g.created_at', 'desc').execute();
}

/** The filter's conditions on `growth_plans as g`, for the count (the table alone) and the page (joined to the names). */
function planWhere<Q extends SelectQueryBuilder<any, any, any>>(q: Q, f: PlanFilter): Q {
  let out = q as SelectQueryBuilder<any, any, any>;
  if (f.teacherIds) out = out.where('g.teacher_id', 'in', f.teacherIds);
  if (f.scope) out = out.where((eb) => pathInScope(eb as never, 'g.school_path', f.scope!));
  if (f.schoolPath) out = out.where((eb) => pathUnder(eb as never, 'g.school_path', f.schoolPath!));
  if (f.status) out = out.where('g.status', '=', f.status);
  if (f.underWay) out = out.where('g.status', 'in', ['active', 'yearReview']);
  if (f.onTrack) {
    const { from, to } = f.onTrack;
    out = out
      .where((eb) =>
        eb.exists(
          eb.selectFrom('growth_evidence as e').select('e.id').whereRef('e.plan_id', '=', 'g.id').where('e.date', '>=', from).where('e.date', '<=', to),
        ),
      )
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('growth_year_reviews as y').select('y.plan_id').whereRef('y.plan_id', '=', 'g.id').where('y.rating', '=', 'notMet'))),
      );
  }
  return out as Q;
}

/**
 * One page of plans by teacher name (lists never rank teachers), on the kit's list: a bounded
 * count off the plans alone, the page's ids from the plans joined to the names, rows of the page only.
 */
export function pagePlans(db: H, f: PlanFilter, page: { page: number; pageSize: number }): Promise<PagedList<PlanRow>> {
  if (f.teacherIds && !f.teacherIds.length) return Promise.resolve({ rows: [], total: 0, totalCapped: false, nextCursor: null });
  const k = db as unknown as Kysely<any>;
  return pagedList(k, {
    counted: planWhere(k.selectFrom('growth_plans as g'), f),
    ids: () => planWhere(k.selectFrom('growth_plans as g').innerJoin('persons as p', 'p.id', 'g.teacher_id'), f),
    sort: { column: 'p.name', id: 'g.id', order: 'asc' },
    keyed: false,
    page,
    load: (ids) => planSelect(db).where('g.id', 'in', ids).execute(),
  });
}

/** Each plan's state for the roster, without its texts. */
export function planStatesUnder(db: H, schoolPath: string) {
  return gdb(db)
    .selectFrom('growth_plans')
    .select(['id', 'teacher_id', 'status', 'created_at'])
    .where((eb) => pathUnder(eb, 'school_path', schoolPath))
    .execute();
}

/** Per plan, the weight of its current year's goals and of those done: a list's progress without loading goals. */
export function currentYearWeights(db: H, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return gdb(db)
    .selectFrom('growth_goals as g')
    .innerJoin('growth_plans as p', 'p.id', 'g.plan_id')
    .select(['g.plan_id'])
    .select((eb) => [
      eb.fn.sum<number>('g.weight').as('total'),
      eb.fn.sum<number>(eb.case().when('g.done_on', 'is not', null).then(eb.ref('g.weight')).else(0).end()).as('done'),
    ])
    .where('g.plan_id', 'in', planIds)
    .whereRef('g.year', '=', 'p.current_year')
    .groupBy('g.plan_id')
    .execute();
}

export function insertPlan(db: Tx, row: GrowthPlanTable) {
  return gdb(db).insertInto('growth_plans').values(row).execute();
}

export function updatePlanText(db: Tx, id: string, patch: { title: string; vision: string; start_year: number; updated_at: string }) {
  return gdb(db).updateTable('growth_plans').set(patch).where('id', '=', id).execute();
}

export function goalsOf(db: H, planIds: string[]) {
  if (!planIds.length) return Promise.resolve([]);
  return gdb(db).selectFrom('growth_goals').selectAll().where('plan_id', 'in', planIds).orderBy('plan_id').orderBy('year').orderBy('sort').execute();
}

export async function replaceGoals(
  db: Tx,
  planId: string,
  goals: { id: string; plan_id: string; year: number; area: string; title: string; measure: string | null; weight: number; done_on: null; sort: number }[],
) {
  const g = gdb(db);
  await g.deleteFrom('growth_goals').where('plan_id', '=', planId).execute();
  if (goals.length) await g.insertInto('growth_goals').values(goals).execute();
}

export function markGoalDone(db: Tx, planId: string, goalId: string, on: string) {
  return gdb(db)
    .updateTable('growth_goals')
    .set({ done_on: on })
    .where('id', '=', goalId)
    .where('plan_id', '=', planId)
    .where('done_on', 'is', null)
    .executeTakeFirst();
}

export function yearReviewsOf(db: H, planId: string) {
  return gdb(db).selectFrom('growth_year_reviews').selectAll().where('plan_id', '=', planId).orderBy('year').execute();
}

export async function saveSelfReview(db: Tx, planId: string, year: number, reflection: string) {
  const g = gdb(db);
  await g.deleteFrom('growth_year_reviews').where('plan_id', '=', planId).where('year', '=', year).execute();
  await g
    .insertInto('growth_year_reviews')
    .values({ plan_id: planId, year, reflection, rating: null, comment: null, reviewer_account_id: null, reviewed_at: null })
    .execute();
}

export function concludeYear(db: Tx, planId: string, year: number, v: { rating: string; comment: string; reviewer_account_id: string; reviewed_at: string }) {
  return gdb(db).updateTable('growth_year_reviews').set(v).where('plan_id', '=', planId).where('year', '=', year).execute();
}

// ---- evidence ----

export function evidenceOf(db: H, planId: string) {
  return gdb(db)
    .selectFrom('growth_evidence as e')
    .leftJoin('persons as o', 'o.id', 'e.observer_id')
    .selectAll('e')
    .select('o.name as observer_name')
    .where('e.plan_id', '=', planId)
    .orderBy('e.date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** A school's evidence, by date (the office's list; no texts beyond the title). */
export function evidenceOfSchool(db: H, schoolPath: string, f: { kind?: string; from?: string; to?: string; met?: boolean }) {
  let q = gdb(db)
    .selectFrom('growth_evidence as e')
    .innerJoin('persons as t', 't.id', 'e.teacher_id')
    .leftJoin('persons as o', 'o.id', 'e.observer_id')
    .select(['e.id', 'e.teacher_id', 't.name as teacher_name', 'e.kind', 'e.title', 'e.date', 'e.score', 'o.name as observer_name'])
    .where('e.school_path', '=', schoolPath);
  if (f.kind) q = q.where('e.kind', '=', f.kind as never);
  if (f.met) q = q.where('e.rubric_met', '=', 1);
  if (f.from) q = q.where('e.date', '>=', f.from);
  if (f.to) q = q.where('e.date', '<=', f.to);
  return q.orderBy('e.date', 'desc').orderBy('e.id').limit(2000).execute();
}

export function insertEvidence(db: Tx, row: import('./teacherGrowth.tables.js').GrowthEvidenceTable) {
  return gdb(db).insertInto('growth_evidence').values(row).execute();
}

export function updateEvidence(db: Tx, id: string, patch: { title: string; note: string | null; date: string }) {
  return gdb(db).updateTable('growth_evidence').set(patch).where('id', '=', id).execute();
}

// ---- promotions ----

const promotionSelect = (db: H) =>
  gdb(db).selectFrom('growth_promotions as r').innerJoin('persons as p', 'p.id', 'r.teacher_id').selectAll('r').select('p.name as teacher_name');

export function loadPromotion(db: H, id: string) {
  return promotionSelect(db).where('r.id', '=', id).executeTakeFirst();
}

export function promotions(db: H, f: { schoolPath?: string; teacherId?: string; status?: string; decidedFrom?: string; decidedTo?: string }) {
  let q = promotionSelect(db);
  if (f.status) q = q.where('r.status', '=', f.status as never);
  if (f.decidedFrom) q = q.where('r.decided_on', '>=', f.decidedFrom);
  if (f.decidedTo) q = q.where('r.decided_on', '<=', f.decidedTo);
  if (f.schoolPath) q = q.where('r.school_path', '=', f.schoolPath);
  if (f.teacherId) q = q.where('r.teacher_id', '=', f.teacherId);
  return q.orderBy('r.proposed_at', 'desc').orderBy('r.id', 'desc').limit(1000).execute();
}

export function openPromotionOf(db: H, teacherId: string) {
  return gdb(db).selectFrom('growth_promotions').select('id').where('teacher_id', '=', teacherId).where('status', '=', 'proposed').executeTakeFirst();
}

export function insertPromotion(db: Tx, row: import('./teacherGrowth.tables.js').GrowthTables['growth_promotions']) {
  return gdb(db).insertInto('growth_promotions').values(row).execute();
}

// ---- roster ----

/** The school's teachers in pinyin order of their names (陈 before 刘; SQL orders by code point), as the office reads a roster. */
export async function teachersOfSchool(db: H, schoolPath: string) {
  const rows = await gdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('growth_placements as g', 'g.teacher_id', 'p.id')
    .select(['p.id', 'p.name', 'p.subject', 'g.tier', 'g.milestone'])
    .where('p.kind', '=', 'teacher')
    .where('p.archived', '=', 0)
    .where((eb) => pathUnder(eb, 'o.path', schoolPath))
    .orderBy('p.id')
    .execute();
  return rows.sort((a, b) => comparePinyin(a.name, b.name));
}

// ---- activities ----

export function activities(db: H, schoolPath: string) {
  return gdb(db).selectFrom('growth_activities').selectAll().where('school_path', '=', schoolPath).orderBy('date', 'desc').orderBy('id').limit(500).execute();
}

export function loadActivity(db: H, id: string) {
  return gdb(db).selectFrom('growth_activities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertActivity(db: Tx, row: import('./teacherGrowth.tables.js').GrowthTables['growth_activities']) {
  return gdb(db).insertInto('growth_activities').values(row).execute();
}

export function entriesOf(db: H, activityIds: string[]) {
  if (!activityIds.length) return Promise.resolve([]);
  return gdb(db).selectFrom('growth_activity_entries').selectAll().where('activity_id', 'in', activityIds).execute();
}

export async function upsertEntry(db: Tx, row: import('./teacherGrowth.tables.js').GrowthTables['growth_activity_entries']) {
  const g = gdb(db);
  await g.deleteFrom('growth_activity_entries').where('activity_id', '=', row.activity_id).where('teacher_id', '=', row.teacher_id).execute();
  await g.insertInto('growth_activity_entries').values(row).execute();
}

export function setResultsOn(db: Tx, id: string, on: string) {
  return gdb(db).updateTable('growth_activities').set({ results_on: on }).where('id', '=', id).execute();
}

// ---- the observation rubric ----

/** A school's rubric versions, newest first, each with the observations scored on it. */
export function rubricVersions(db: H, schoolId: string) {
  return gdb(db)
    .selectFrom('growth_rubrics as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('growth_evidence as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.rubric_id', '=', 'r.id')
        .as('used'),
    )
    .where('r.school_id', '=', schoolId)
    .orderBy('r.version', 'desc')
    .execute();
}

export function rubricsByIds(db: H, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return gdb(db).selectFrom('growth_rubrics').selectAll().where('id', 'in', ids).execute();
}

export function insertRubric(db: Tx, row: import('./teacherGrowth.tables.js').GrowthRubricTable) {
  return gdb(db).insertInto('growth_rubrics').values(row).execute();
}

/** Only a version no observation was scored on is changed in place (the service checks `used`; the guard repeats it). */
export function rewriteUnusedRubric(
  db: Tx,
  id: string,
  patch: { title: string; scale_max: number; pass_mark: number; items: string; created_by: string; created_at: string },
) {
  return gdb(db)
    .updateTable('growth_rubrics')
    .set(patch)
    .where('id', '=', id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('growth_evidence').select('id').where('rubric_id', '=', id))))
    .executeTakeFirst();
}
