/**
 * The SQL of FAQ use (views and deflections as dated events, migration 20261207_2120): record one
 * per worker, entry, day and kind; count them for the figures; list them for the figures' drill.
 * No read here returns a viewer key: a use is a day, an entry and a unit.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { indexedWalk, pagedList, type PagedList } from '../../core/db/pagedList.js';
import type { Scope } from '../../core/rbac/actor.js';
import { newId } from '../../core/ids.js';
import type { FaqUseKind } from '../../../common/schemas/policies.js';
import { narrowTo, orgIn } from './policies.repository.js';
import { pdb } from './policies.tables.js';

/** Adds the use unless this key already counted it today; true when a row was added. */
export async function recordUse(tx: Tx, use: { faqId: string; kind: FaqUseKind; day: string; orgId: string; viewerKey: string }): Promise<boolean> {
  const r = await pdb(tx)
    .insertInto('policy_faq_events')
    .values({ id: newId(), faq_id: use.faqId, kind: use.kind, day: use.day, org_id: use.orgId, viewer_key: use.viewerKey })
    .onConflict((oc) => oc.columns(['faq_id', 'kind', 'day', 'viewer_key']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** After its day a key has nothing left to deduplicate: cleared, the row keeps no trace of the worker. */
export async function forgetViewers(db: Db, before: string): Promise<number> {
  const r = await pdb(db)
    .updateTable('policy_faq_events')
    .set({ viewer_key: null })
    .where('day', '<', before)
    .where('viewer_key', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface UseFilter {
  kind?: FaqUseKind;
  from?: string;
  to?: string;
}

function filtered(db: Db, scope: Scope, f: UseFilter, walk = false) {
  return indexedWalk(db, 'policy_faq_events as e', 'policy_faq_events_day_keys', walk)
    .where((eb) => orgIn(eb, 'e.org_id', scope))
    .$if(!!f.kind, (q) => q.where('e.kind', '=', f.kind!))
    .$if(!!f.from, (q) => q.where('e.day', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('e.day', '<=', f.to!));
}

/** Uses in the scope (by the worker's unit) matching `f`: a figure's count. */
export async function countUses(db: Db, scope: Scope, f: UseFilter): Promise<number> {
  const r = await filtered(db, scope, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The uses `countUses` counts, by id (a use row holds a day, an entry and a unit; its viewer key is never read). */
export async function useIds(db: Db, scope: Scope, f: UseFilter): Promise<string[]> {
  return (await filtered(db, scope, f).select('e.id').execute()).map((r) => r.id);
}

/** The uses behind a figure, newest day first, on the kit's list (count to 2 000, then by cursor over (day, id)). */
export async function listUses(db: Db, scope: Scope, f: UseFilter & { orgId?: string; page: number; pageSize: number; after?: string }) {
  const narrowed = await narrowTo(db, scope, f.orgId);
  if (!narrowed) return { rows: [], total: 0, totalCapped: false, nextCursor: null } satisfies PagedList<never>;
  return pagedList(db, {
    counted: filtered(db, narrowed, f),
    ids: (walk) => filtered(db, narrowed, f, walk),
    sort: { column: 'e.day', id: 'e.id', order: 'desc' },
    keyed: true,
    page: f,
    load: (ids) =>
      pdb(db)
        .selectFrom('policy_faq_events as e')
        .innerJoin('policy_questions as q', 'q.id', 'e.faq_id')
        .innerJoin('orgs as o', 'o.id', 'e.org_id')
        .select(['e.id', 'e.kind', 'e.day', 'e.faq_id', 'q.faq_title', 'q.topic', 'o.name as unit_name'])
        .where('e.id', 'in', ids)
        .execute(),
  });
}
