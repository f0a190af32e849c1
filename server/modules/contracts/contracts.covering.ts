/**
 * For other modules (honours' "no collective contract" disqualifier): the collective contracts
 * in force for a unit on a day — one of the unit itself or of an org above it. In force from the
 * day it took effect (生效), whether or not its publication has followed yet.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { cq } from './contracts.tables.js';

export async function collectiveContractsCovering(db: Db | Tx, orgPath: string, onDate: string) {
  const ancestors = orgPath.split('/').filter(Boolean);
  return cq(db as Tx)
    .selectFrom('contracts as c')
    .select(['c.id', 'c.title', 'c.starts_on', 'c.ends_on'])
    .where('c.kind', '=', 'collective')
    .where('c.status', 'in', ['effective', 'published'])
    .where('c.org_id', 'in', ancestors)
    .where('c.starts_on', '<=', onDate)
    .where('c.ends_on', '>=', onDate)
    .execute();
}
