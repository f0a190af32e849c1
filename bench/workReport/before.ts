/**
 * The baseline the benchmark times the snapshot's appeal records against, in the same run: a frozen
 * copy of how session 15 read them — the inbox's list condition (`listPart`) run over the period once
 * per distinct drill filter set of the appeal figures (14 reads of a year), where the report now reads
 * the period's appeals once and sorts them by each figure's own count. Kept here, not in the module,
 * so the ratio can be measured again.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/core/db/database.js';
import type { Figure } from '../../common/figure.js';
import { AppealFilterQuery } from '../../common/schemas/appeals.js';
import type { Kysely } from 'kysely';
import { listPart, type AppealsEb as Eb, type AppealsRepoFilter as RepoFilter } from '../../server/modules/appeals/index.js';

async function readRecords(db: Db, path: string, from: string, to: string, today: string, filters: Record<string, string>): Promise<string[]> {
  const { orgId: _o, departmentId: _d, ratedDepartmentId: _r, firstAnswerDepartmentId: _f, ...f } = AppealFilterQuery.parse({ ...filters, from, to });
  const vis = { accountId: '', personId: null, staff: { all: false, paths: [path] }, handler: { all: false, paths: [] } };
  const rows = await (db as unknown as Kysely<any>)
    .selectFrom('appeals as a')
    .select(sql<string>`a.id`.as('id'))
    .where(((e: Eb) => listPart(db, e, vis, f as RepoFilter, { today, soon: today }, 'staff')) as any)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Session 15's record reads for the appeal figures of a snapshot: one list read per distinct filter set; the number of ids read. */
export async function appealRecordsBefore(db: Db, path: string, from: string, to: string, today: string, figures: readonly Pick<Figure, 'drill'>[]) {
  const seen = new Map<string, number>();
  for (const f of figures)
    for (const filters of f.drill ? [f.drill.numerator, f.drill.denominator] : []) {
      const key = JSON.stringify(Object.entries(filters).sort());
      if (!seen.has(key)) seen.set(key, (await readRecords(db, path, from, to, today, filters)).length);
    }
  return { reads: seen.size, ids: [...seen.values()].reduce((a, b) => a + b, 0) };
}
