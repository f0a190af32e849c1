/** SQL of surveys: the survey, its questions, the frozen recipients, responses and answers. */
import { sql } from 'kysely';
import { UNIT_KINDS } from '../../../common/appeals.js';
import type { SurveyTarget } from '../../../common/schemas/surveys.js';
import type { Tx } from '../../core/db/database.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import type { Scope } from '../../core/rbac/actor.js';
import { sdb, type SurveyQuestionTable, type SurveyTable, type SurveyTables } from './surveys.tables.js';

const MAX_PARAMS = 30_000;

/** Multi-row inserts under both engines' bind-parameter limits. */
export async function insertChunked<T extends keyof SurveyTables & string>(db: Tx, table: T, rows: SurveyTables[T][]): Promise<void> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += size)
    await sdb(db)
      .insertInto(table)
      .values(rows.slice(i, i + size) as any)
      .execute();
}

export const loadSurvey = (db: Tx, id: string) => sdb(db).selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();

export const questionsOf = (db: Tx, surveyId: string) =>
  sdb(db).selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('sort').execute();

export async function orgNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const out = new Map<string, string>();
  const uniq = [...new Set(ids)];
  for (let i = 0; i < uniq.length; i += 500) {
    for (const o of await sdb(db)
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('id', 'in', uniq.slice(i, i + 500))
      .execute())
      out.set(o.id, o.name);
  }
  return out;
}

export const orgById = (db: Tx, id: string) => sdb(db).selectFrom('orgs').select(['id', 'path', 'name', 'kind']).where('id', '=', id).executeTakeFirst();

export interface SurveyFilter {
  scope: Scope;
  status?: string;
}

export async function listSurveys(db: Tx, f: SurveyFilter, page: { page: number; pageSize: number; sort?: string; order: 'asc' | 'desc' }) {
  const base = sdb(db)
    .selectFrom('surveys as s')
    .where((eb) => pathInScope(eb, 's.org_path', f.scope))
    .$if(f.status !== undefined, (q) => q.where('s.status', '=', f.status!));
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const col = page.sort === 'closesOn' ? 's.closes_on' : 's.created_at';
  const rows = await base
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .orderBy(col, page.sort ? page.order : 'desc')
    .orderBy('s.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}

/**
 * The workers a target names, as they stand now, with each one's unit (nearest mine or branch
 * union above their org, else the top of the tree): the list the survey freezes when it opens.
 */
export async function resolveTarget(db: Tx, target: SurveyTarget, targetPaths: string[]) {
  const people = await sdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.path as org_path', 'p.employment_category', 'p.gender', 'p.union_member'])
    .where('p.kind', '=', 'worker')
    .where('p.archived', '=', 0)
    .where((eb) => eb.or(targetPaths.map((path) => pathUnder(eb, 'o.path', path))))
    .$if(target.categories.length > 0, (q) => q.where('p.employment_category', 'in', target.categories))
    .$if(target.genders.length > 0, (q) => q.where('p.gender', 'in', target.genders))
    .$if(target.unionMember !== undefined, (q) => q.where('p.union_member', '=', target.unionMember ? 1 : 0))
    .orderBy('p.id')
    .execute();
  const ancestors = [...new Set(people.flatMap((p) => p.org_path.split('/').filter(Boolean)))];
  const kinds = new Map<string, string>();
  for (let i = 0; i < ancestors.length; i += 500) {
    for (const o of await sdb(db)
      .selectFrom('orgs')
      .select(['id', 'kind'])
      .where('id', 'in', ancestors.slice(i, i + 500))
      .execute())
      kinds.set(o.id, o.kind);
  }
  const unitOf = (path: string) => {
    const ids = path.split('/').filter(Boolean);
    for (let i = ids.length - 1; i >= 0; i--) if (UNIT_KINDS.includes(kinds.get(ids[i]) as never)) return ids[i];
    return ids[0];
  };
  return people.map((p) => ({ ...p, unit_id: unitOf(p.org_path) }));
}

export type SurveyRow = SurveyTable;
export type QuestionRow = SurveyQuestionTable;

/** The surveys a person was asked, open or closed, newest first. */
export function surveysOfPerson(db: Tx, personId: string) {
  return sdb(db)
    .selectFrom('survey_recipients as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .leftJoin('survey_drafts as d', (j) => j.onRef('d.survey_id', '=', 'r.survey_id').onRef('d.person_id', '=', 'r.person_id'))
    .select(['s.id', 's.title', 's.anonymous', 's.status', 's.closes_on', 'r.answered', 'd.saved_at'])
    .where('r.person_id', '=', personId)
    .where('s.status', 'in', ['open', 'closed'])
    .orderBy('s.opened_at', 'desc')
    .limit(50)
    .execute();
}

export const recipientOf = (db: Tx, surveyId: string, personId: string) =>
  sdb(db).selectFrom('survey_recipients').selectAll().where('survey_id', '=', surveyId).where('person_id', '=', personId).executeTakeFirst();

/** Marks the recipient answered only if they had not: of two racing submissions exactly one wins. */
export async function markAnswered(db: Tx, surveyId: string, personId: string): Promise<boolean> {
  const r = await sdb(db)
    .updateTable('survey_recipients')
    .set({ answered: 1 })
    .where('survey_id', '=', surveyId)
    .where('person_id', '=', personId)
    .where('answered', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const bumpAnswered = (db: Tx, surveyId: string) =>
  sdb(db)
    .updateTable('surveys')
    .set({ answered_count: sql`answered_count + 1` })
    .where('id', '=', surveyId)
    .execute();

export interface RecipientFilter {
  scope: Scope;
  surveyId?: string;
  orgPath?: string;
  category?: string;
  answered?: boolean;
  /** Surveys opened in [from, to] (Beijing days). */
  from?: string;
  to?: string;
}

function recipientsWhere(db: Tx, f: RecipientFilter) {
  return sdb(db)
    .selectFrom('survey_recipients as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .where((eb) => pathInScope(eb, 'r.org_path', f.scope))
    .where('s.status', 'in', ['open', 'closed'])
    .$if(f.surveyId !== undefined, (q) => q.where('r.survey_id', '=', f.surveyId!))
    .$if(f.orgPath !== undefined, (q) => q.where((eb) => pathUnder(eb, 'r.org_path', f.orgPath!)))
    .$if(f.category !== undefined, (q) => q.where('r.category', '=', f.category!))
    .$if(f.answered !== undefined, (q) => q.where('r.answered', '=', f.answered ? 1 : 0))
    .$if(f.from !== undefined, (q) => q.where('s.opened_on', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('s.opened_on', '<=', f.to!));
}

export async function countRecipients(db: Tx, f: RecipientFilter): Promise<number> {
  return Number(
    (
      await recipientsWhere(db, f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * The surveys whose recipients `countRecipients` counts (each survey's frozen list in the scope): the
 * records a response rate names. Not the recipient rows — of an anonymous survey they say who answered.
 */
export async function recipientSurveyIds(db: Tx, f: RecipientFilter): Promise<string[]> {
  return (await recipientsWhere(db, f).select('r.survey_id').distinct().execute()).map((r) => r.survey_id);
}

export async function listRecipients(db: Tx, f: RecipientFilter, page: { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const total = await countRecipients(db, f);
  const rows = await recipientsWhere(db, f)
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['r.survey_id', 's.title', 'r.person_id', 'p.name', 'o.name as org_name', 'r.category', 'r.answered'])
    .orderBy('p.name', page.order)
    .orderBy('r.survey_id')
    .orderBy('r.person_id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}
