/** SQL of the screening list (问题排查). */
import { sql } from 'kysely';
import { OPEN_SCREENING } from '../../../common/surveys.js';
import type { Tx } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import { sdb } from './surveys.tables.js';

export interface ScreeningFilter {
  /** The office's reach; with `ownerAccountId`, what they own is added. */
  scope: Scope;
  ownerAccountId?: string;
  orgPath?: string;
  status?: string[];
  severity?: string;
  source?: string;
  raisedFrom?: string;
  raisedTo?: string;
}

function filtered(db: Tx, f: ScreeningFilter) {
  return sdb(db)
    .selectFrom('screening_items as i')
    .where((eb) =>
      f.ownerAccountId
        ? eb.or([pathInScope(eb, 'i.org_path', f.scope), eb('i.owner_account_id', '=', f.ownerAccountId)])
        : pathInScope(eb, 'i.org_path', f.scope),
    )
    .$if(f.orgPath !== undefined, (q) => q.where((eb) => pathUnder(eb, 'i.org_path', f.orgPath!)))
    .$if(f.status !== undefined, (q) => q.where('i.status', 'in', f.status!))
    .$if(f.severity !== undefined, (q) => q.where('i.severity', '=', f.severity!))
    .$if(f.source !== undefined, (q) => q.where('i.source', '=', f.source!))
    .$if(f.raisedFrom !== undefined, (q) => q.where('i.raised_on', '>=', f.raisedFrom!))
    .$if(f.raisedTo !== undefined, (q) => q.where('i.raised_on', '<=', f.raisedTo!));
}

/** The items `countItems` counts, by id: the same filter, for the records a figure names. */
export async function itemIds(db: Tx, f: ScreeningFilter): Promise<string[]> {
  return (await filtered(db, f).select('i.id').execute()).map((r) => r.id);
}

export async function countItems(db: Tx, f: ScreeningFilter): Promise<number> {
  return Number(
    (
      await filtered(db, f)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function listItems(db: Tx, f: ScreeningFilter, page: { page: number; pageSize: number; sort?: string; order: 'asc' | 'desc' }) {
  const total = await countItems(db, f);
  const rows = await filtered(db, f)
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .innerJoin('accounts as a', 'a.id', 'i.owner_account_id')
    .selectAll('i')
    .select(['o.name as org_name', 'a.display_name as owner_name'])
    .$if(page.sort === 'severity', (q) =>
      q.orderBy(sql`case i.severity when 'high' then 3 when 'medium' then 2 else 1 end`, page.order === 'asc' ? 'asc' : 'desc'),
    )
    .orderBy('i.raised_on', page.sort === 'raisedOn' ? page.order : 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}

export const loadItem = (db: Tx, id: string) =>
  sdb(db)
    .selectFrom('screening_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .innerJoin('accounts as a', 'a.id', 'i.owner_account_id')
    .selectAll('i')
    .select(['o.name as org_name', 'a.display_name as owner_name'])
    .where('i.id', '=', id)
    .executeTakeFirst();

export type ItemRow = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

/** Open problems per org directly holding them, within the scope: the chair's per-unit view. */
export function openByOrg(db: Tx, scope: Scope) {
  return sdb(db)
    .selectFrom('screening_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select([
      'i.org_id',
      'o.name',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when i.severity = 'high' then 1 else 0 end)`.as('high'),
      sql<string>`min(i.raised_on)`.as('oldest'),
    ])
    .where((eb) => pathInScope(eb, 'i.org_path', scope))
    .where('i.status', 'in', [...OPEN_SCREENING])
    .groupBy(['i.org_id', 'o.name'])
    .orderBy('o.name')
    .execute();
}
