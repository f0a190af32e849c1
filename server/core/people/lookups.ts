/** Person and account reads a module's write needs: who a person is and where, and their account. */
import type { Tx } from '../db/database.js';
import { prepared } from '../db/prepared.js';

const personById = prepared((d, p: { id: string }) =>
  d
    .selectFrom('persons as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.kind', 'p.employment_category', 'o.path as org_path'])
    .where('p.id', '=', p.id),
);
export const personBrief = (db: Tx, id: string) => personById.first(db, { id });

/** The person's first account, if they have one. */
const accountByPerson = prepared((d, p: { personId: string }) =>
  d.selectFrom('accounts').select('id').where('person_id', '=', p.personId).orderBy('created_at').limit(1),
);
export const accountOfPerson = (db: Tx, personId: string) => accountByPerson.first(db, { personId });
