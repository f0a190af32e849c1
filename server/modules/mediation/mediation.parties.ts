/** For hardship's cross-check panel: the mediation cases a worker applied for. Read-only. */
import type { Tx } from '../../core/db/database.js';
import { mdb } from './mediation.tables.js';

export async function casesOfApplicant(db: Tx, personId: string, limit = 20) {
  return mdb(db)
    .selectFrom('mediation_cases')
    .select(['id', 'code', 'respondent', 'status', 'applied_date'])
    .where('applicant_person_id', '=', personId)
    .orderBy('applied_date', 'desc')
    .limit(limit)
    .execute();
}
