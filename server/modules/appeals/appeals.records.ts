/**
 * The appeals a registry figure counted, named by id (the work report's snapshot keeps them):
 * the figure's drill filters read by the list's own schema and applied by the list's own
 * condition (`listPart`, the staff part over the figure's org subtree), so the ids are exactly
 * the rows the inbox lists for the same filters. Ids only: an anonymous appeal stays as masked
 * as every list shows it.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { asOfOf, sharedRead, type IndicatorQuery } from '../../core/indicators/indicator.js';
import { AppealFilterQuery } from '../../../common/schemas/appeals.js';
import { adb } from './appeals.tables.js';
import { listPart, type Eb, type RepoFilter } from './appeals.visibility.js';

/** Figures whose drills share filters (four rates' denominator is 'accepted') read them once per batch. */
export function appealRecords(db: Db, q: IndicatorQuery, filters: Record<string, string>): Promise<string[]> {
  const key = Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return sharedRead(q, `appeals.records?${key}`, () => readRecords(db, q, filters));
}

async function readRecords(db: Db, q: IndicatorQuery, filters: Record<string, string>): Promise<string[]> {
  if (!q.scope.all && q.scope.paths.length === 0) return [];
  // A drill names no org (the figure's subtree is the scope) and no text search.
  const {
    orgId: _o,
    departmentId: _d,
    ratedDepartmentId: _r,
    firstAnswerDepartmentId: _f,
    ...f
  } = AppealFilterQuery.parse({
    ...filters,
    from: q.from,
    to: q.to,
  });
  const today = shanghaiDate(asOfOf(q));
  const vis = { accountId: '', personId: null, staff: q.scope, handler: { all: false, paths: [] } };
  const rows = await adb(db)
    .selectFrom('appeals as a')
    .select(sql<string>`a.id`.as('id'))
    .where(((e: Eb) => listPart(db, e, vis, f as RepoFilter, { today, soon: today }, 'staff')) as any)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}
