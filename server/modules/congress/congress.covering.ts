/**
 * For honours' disqualifier check: the congress terms in force on a date whose org is the
 * given org or one above it — a workers' congress of the mine covers its departments and teams.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { cdb } from './congress.tables.js';

export async function termsCovering(db: Db | Tx, orgPath: string, onDate: string) {
  const ancestors = orgPath.split('/').filter(Boolean);
  return cdb(db)
    .selectFrom('congress_terms as t')
    .select(['t.id', 't.name', 't.start_date', 't.end_date'])
    .where('t.org_id', 'in', ancestors)
    .where('t.start_date', '<=', onDate)
    .where('t.end_date', '>=', onDate)
    .execute();
}
