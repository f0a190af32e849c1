/**
 * For honours' disqualifier check: mediation cases applied for in an org subtree since a date
 * with a claim of unpaid wages or social insurance. Rejected cases are left out (not taken up).
 * Only code, date and claim types leave the module: a case's parties stay confidential.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { pathUnder } from '../../core/rbac/scope-sql.js';
import { mdb } from './mediation.tables.js';

export async function arrearsCasesIn(db: Db | Tx, orgPath: string, sinceDate: string, limit = 20) {
  return mdb(db)
    .selectFrom('mediation_cases as c')
    .select(['c.id', 'c.code', 'c.applied_date'])
    .where((eb) => pathUnder(eb, 'c.org_path', orgPath))
    .where('c.applied_date', '>=', sinceDate)
    .where('c.status', '!=', 'rejected')
    .where('c.id', 'in', (eb) => eb.selectFrom('mediation_claims as m').select('m.case_id').where('m.type', 'in', ['wagesOwed', 'socialInsurance']))
    .orderBy('c.applied_date', 'desc')
    .limit(limit)
    .execute();
}
