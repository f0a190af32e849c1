/**
 * All SQL of the mediation module. Lists filter by the caller's visibility in SQL (the
 * committee's subtrees, new applications for a union's mediators, the cases one is named
 * on, one's own), so a page and its total never count a case the caller may not see.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { containsCi, datePlusDays } from '../../core/db/dialect.js';
import type { Tx } from '../../core/db/database.js';
import { indexedWalk, pagedList, type PagedList } from '../../core/db/pagedList.js';
import { addDays } from '../../core/calendar/calendar.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { MEDIATION_DAYS, type CaseLight } from '../../../common/mediation.js';
import type { Visibility } from './mediation.policy.js';
import { mdb, type MediationCaseTable, type MediationTables } from './mediation.tables.js';
import type { DB } from '../../core/db/schema.js';

export type CaseRow = MediationCaseTable & { applicant_name: string; org_name: string };

type Eb = ExpressionBuilder<DB & MediationTables & { c: MediationCaseTable }, 'c'>;

export interface CaseFilter {
  status?: readonly string[];
  light?: CaseLight;
  claimType?: string;
  orgPath?: string;
  closedFrom?: string;
  closedTo?: string;
  appliedFrom?: string;
  appliedTo?: string;
  onTime?: boolean;
  /** Closed within 15 days of acceptance, extensions not counted (the issue's 「15 日内结案」). */
  within15?: boolean;
  q?: string;
  /** Only cases of these subtrees (an indicator's scope). */
  scopePaths?: readonly string[];
}

const reaches = (s: Visibility['oversee']) => s.all || s.paths.length > 0;

/**
 * Only the parts the caller has, each an index range (org path, applicant, the mediators'
 * table): a constant-false part in the OR would keep the engines from using any index for it.
 */
function visible(eb: Eb, v: Visibility): Expression<SqlBool> {
  const any: Expression<SqlBool>[] = [];
  if (reaches(v.oversee)) any.push(pathInScope(eb, 'c.org_path', v.oversee));
  if (reaches(v.mediate)) {
    any.push(eb.and([eb('c.status', '=', 'applied'), pathInScope(eb, 'c.org_path', v.mediate)]));
    any.push(eb('c.id', 'in', eb.selectFrom('mediation_case_mediators as m').select('m.case_id').where('m.account_id', '=', v.accountId)));
  }
  if (v.personId) any.push(eb('c.applicant_person_id', '=', v.personId));
  return any.length ? eb.or(any) : sql<SqlBool>`1 = 0`;
}

/** The light as SQL, the same rule as clocksOf: red past due, yellow within the warning days. */
function lightExpr(eb: Eb, light: CaseLight, today: string): Expression<SqlBool> {
  const clocks: [string, 'c.accept_due' | 'c.mediation_due' | 'c.performance_due', number][] = [
    ['applied', 'c.accept_due', 1],
    ['accepted', 'c.mediation_due', 3],
    ['agreed', 'c.performance_due', 3],
  ];
  if (light === 'none')
    return eb.or([
      eb(
        'c.status',
        'not in',
        clocks.map((x) => x[0]),
      ),
      eb.and([eb('c.status', '=', 'agreed'), eb('c.performance_due', 'is', null)]),
    ]);
  return eb.or(
    clocks.map(([status, col, warn]) => {
      const soon = addDays(today, warn);
      const cond = light === 'red' ? eb(col, '<', today) : light === 'yellow' ? eb.and([eb(col, '>=', today), eb(col, '<=', soon)]) : eb(col, '>', soon);
      return eb.and([eb('c.status', '=', status), cond]);
    }),
  );
}

/**
 * A scope narrowed to one subtree: the filter's org and the caller's reach become one path range
 * instead of two, so the engines read the small subtree's index range and not the union's.
 */
function within(s: Visibility['oversee'], path: string): Visibility['oversee'] {
  if (s.all || s.paths.some((p) => path.startsWith(p))) return { all: false, paths: [path] };
  return { all: false, paths: s.paths.filter((p) => p.startsWith(path)) };
}

function where(db: Tx, eb: Eb, v: Visibility | null, f: CaseFilter, today: string): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (v) c.push(visible(eb, f.orgPath ? { ...v, oversee: within(v.oversee, f.orgPath), mediate: within(v.mediate, f.orgPath) } : v));
  if (f.scopePaths) c.push(pathInScope(eb, 'c.org_path', { all: false, paths: [...f.scopePaths] }));
  if (f.orgPath) c.push(pathInScope(eb, 'c.org_path', { all: false, paths: [f.orgPath] }));
  if (f.status?.length) c.push(eb('c.status', 'in', [...f.status]));
  if (f.light) c.push(lightExpr(eb, f.light, today));
  if (f.claimType)
    c.push(eb.exists(eb.selectFrom('mediation_claims as k').select('k.id').whereRef('k.case_id', '=', 'c.id').where('k.type', '=', f.claimType)));
  if (f.closedFrom) c.push(eb('c.closed_on', '>=', f.closedFrom));
  if (f.closedTo) c.push(eb('c.closed_on', '<=', f.closedTo));
  if (f.appliedFrom) c.push(eb('c.applied_date', '>=', f.appliedFrom));
  if (f.appliedTo) c.push(eb('c.applied_date', '<=', f.appliedTo));
  if (f.onTime !== undefined) {
    const late = eb.and([eb('c.mediation_due', 'is not', null), eb('c.closed_on', '>', eb.ref('c.mediation_due'))]);
    c.push(f.onTime ? eb.and([eb('c.closed_on', 'is not', null), eb.not(late)]) : late);
  }
  if (f.within15 !== undefined) {
    const inTime = eb('c.closed_on', '<=', datePlusDays(db, 'c.accepted_on', MEDIATION_DAYS));
    c.push(eb.and([eb('c.closed_on', 'is not', null), eb('c.accepted_on', 'is not', null), f.within15 ? inTime : eb.not(inTime)]));
  }
  if (f.q) {
    c.push(eb.or([containsCi('c.code', f.q), containsCi('c.respondent', f.q), containsCi('p.name', f.q)] as Expression<SqlBool>[]));
  }
  return eb.and(c);
}

const SORT = { appliedAt: 'c.applied_at', acceptDue: 'c.accept_due', mediationDue: 'c.mediation_due', closedOn: 'c.closed_on' } as const;

function base(db: Tx) {
  return mdb(db).selectFrom('mediation_cases as c').innerJoin('persons as p', 'p.id', 'c.applicant_person_id').innerJoin('orgs as o', 'o.id', 'c.org_id');
}

export async function listCases(
  db: Tx,
  v: Visibility | null,
  f: CaseFilter,
  page: { page: number; pageSize: number; sort?: keyof typeof SORT; order: 'asc' | 'desc'; after?: string },
  today: string,
): Promise<PagedList<CaseRow>> {
  const filter = (eb: unknown) => where(db, eb as Eb, v, f, today);
  const sort = page.sort ?? 'appliedAt';
  return pagedList(db, {
    // The count needs the applicant's name only to search it: without a search it reads the cases alone.
    counted: f.q ? base(db).where(filter) : mdb(db).selectFrom('mediation_cases as c').where(filter),
    // A walk reads the (applied_at, id) index.
    ids: (walk) => (f.q ? base(db).where(filter) : indexedWalk(db, 'mediation_cases as c', 'mediation_cases_applied', walk).where(filter)),
    sort: { column: SORT[sort], id: 'c.id', order: page.sort ? page.order : 'desc' },
    keyed: sort === 'appliedAt',
    page,
    load: async (ids) =>
      (await base(db).selectAll('c').select(['p.name as applicant_name', 'o.name as org_name']).where('c.id', 'in', ids).execute()) as CaseRow[],
  });
}

export async function loadCase(db: Tx, id: string): Promise<CaseRow | undefined> {
  return (await base(db).selectAll('c').select(['p.name as applicant_name', 'o.name as org_name']).where('c.id', '=', id).executeTakeFirst()) as
    CaseRow | undefined;
}

export async function mediatorsOf(db: Tx, caseIds: readonly string[]): Promise<{ case_id: string; account_id: string; name: string }[]> {
  if (!caseIds.length) return [];
  return mdb(db)
    .selectFrom('mediation_case_mediators as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.case_id', 'm.account_id', 'a.display_name as name'])
    .where('m.case_id', 'in', [...caseIds])
    .execute();
}

export async function claimsOf(db: Tx, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return mdb(db)
    .selectFrom('mediation_claims')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .orderBy('case_id')
    .orderBy('sort')
    .execute();
}

export const sessionsOf = (db: Tx, caseId: string) =>
  mdb(db).selectFrom('mediation_sessions').selectAll().where('case_id', '=', caseId).orderBy('date').orderBy('id').execute();
export const paymentsOf = (db: Tx, caseId: string) =>
  mdb(db).selectFrom('mediation_payments').selectAll().where('case_id', '=', caseId).orderBy('paid_on').orderBy('id').execute();

/** The accounts of a worker (the applicant's own sign-in, where they have one). */
export async function accountsOfPerson(db: Tx, personId: string): Promise<string[]> {
  return (await mdb(db).selectFrom('accounts').select('id').where('person_id', '=', personId).execute()).map((r) => r.id);
}

export async function personForCase(db: Tx, personId: string) {
  return mdb(db)
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.kind', 'p.archived', 'o.id as org_id', 'o.path as org_path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Accepted cases whose mediation period ended in the last week: the overdue notice's sweep (older ones were told already). */
export function overdueAccepted(db: Tx, today: string) {
  return mdb(db)
    .selectFrom('mediation_cases')
    .select(['id', 'code', 'applicant_person_id', 'mediation_due'])
    .where('status', '=', 'accepted')
    .where('mediation_due', '<', today)
    .where('mediation_due', '>=', addDays(today, -8))
    .orderBy('mediation_due')
    .execute();
}

/**
 * A figure's count and sums over the cases a filter selects, with no caller: what an indicator
 * counts over its scope. No figure searches text, so it reads the cases alone (no applicant or
 * org join) and a period's figure is a range of one covering index (migration 20261207_0800).
 */
export async function totals(db: Tx, f: Omit<CaseFilter, 'q'>, today: string): Promise<{ n: number; agreed: number; paid: number }> {
  const r = await mdb(db)
    .selectFrom('mediation_cases as c')
    .where((eb) => where(db, eb, null, f, today))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.agreed_cents').as('agreed'), eb.fn.sum<number>('c.paid_cents').as('paid')])
    .executeTakeFirst();
  return { n: Number(r?.n ?? 0), agreed: Number(r?.agreed ?? 0), paid: Number(r?.paid ?? 0) };
}

/** The ids of the cases `f` selects (the list's own filter): the records a figure counted. */
export async function caseIds(db: Tx, f: Omit<CaseFilter, 'q'>, today: string): Promise<string[]> {
  const rows = await mdb(db)
    .selectFrom('mediation_cases as c')
    .where((eb) => where(db, eb, null, f, today))
    .select('c.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The cases a period's figures are cut from (applied in it, or closed in it), with their claim
 * types: the time to outcome and the cuts by claim type and unit are counted from these rows by
 * the same conditions the list's filters apply.
 */
export async function periodCases(db: Tx, f: { scopePaths?: readonly string[]; from: string; to: string }) {
  const rows = await mdb(db)
    .selectFrom('mediation_cases as c')
    .select(['c.id', 'c.status', 'c.org_path', 'c.applied_date', 'c.accepted_on', 'c.closed_on'])
    .where((eb) =>
      eb.and([
        ...(f.scopePaths ? [pathInScope(eb, 'c.org_path', { all: false, paths: [...f.scopePaths] })] : []),
        eb.or([
          eb.and([eb('c.applied_date', '>=', f.from), eb('c.applied_date', '<=', f.to)]),
          eb.and([eb('c.closed_on', '>=', f.from), eb('c.closed_on', '<=', f.to)]),
        ]),
      ]),
    )
    .execute();
  const types = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const claims = await mdb(db).selectFrom('mediation_claims').select(['case_id', 'type']).where('case_id', 'in', ids).execute();
    for (const k of claims) types.set(k.case_id, [...new Set([...(types.get(k.case_id) ?? []), k.type])]);
  }
  return rows.map((r) => ({ ...r, claim_types: types.get(r.id) ?? [] }));
}
export type PeriodCase = Awaited<ReturnType<typeof periodCases>>[number];
