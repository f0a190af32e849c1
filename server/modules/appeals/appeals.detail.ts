/**
 * One appeal and its parts as the detail view and the service's rules read them: the masked
 * detail row, the raw row, merged duplicates, extensions (the timeline is core/workflow's eventsOf) — and `revealAuthor`,
 * the one read that names an anonymous author (the service audits every call).
 */
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../core/db/database.js';
import { prepared } from '../../core/db/prepared.js';
import type { Scope } from '../../core/rbac/actor.js';
import { adb, type ADb, type AppealTable } from './appeals.tables.js';
import { base, safeColumns, type DetailRow, type Visibility } from './appeals.visibility.js';

/**
 * One appeal with everything the detail view shows (author already masked when anonymous).
 * Read on every view and after every act: a prepared shape. The viewer enters only as
 * values — `is_mine` compares both author columns, and a null person id matches nothing.
 */
const NO_SCOPE: Scope = { all: false, paths: [] };
const appealById = prepared((d: ADb, p: { id: string; accountId: string; personId: string | null }) =>
  base(d as unknown as Tx)
    .where('a.id', '=', p.id)
    .select(
      (eb) =>
        [
          ...safeColumns(eb, { accountId: p.accountId, personId: p.personId, staff: NO_SCOPE, handler: NO_SCOPE }),
          'a.description',
          'a.answer',
          'a.decline_reason',
          'a.accept_due_date',
          'a.due_date',
          'a.closed_at',
          'a.rating_comment',
          'a.rated_at',
          'a.master_id',
        ] as any,
    ),
);

export async function findAppeal(db: Tx, vis: Visibility, id: string): Promise<DetailRow | undefined> {
  const row = await appealById.first(db, { id, accountId: vis.accountId, personId: vis.personId });
  return row as unknown as DetailRow | undefined;
}

/** The raw row, for the service's rules (never presented as such). */
export function findRaw(db: Tx, id: string) {
  return adb(db).selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRawMany(db: Tx, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as AppealTable[]);
  return adb(db).selectFrom('appeals').selectAll().where('id', 'in', ids).execute();
}

/** Who wrote an anonymous appeal. Only the reveal service calls this, and it audits the call. */
export function revealAuthor(db: Tx, id: string) {
  return (
    adb(db)
      .selectFrom('appeals as a')
      .leftJoin('persons as p', 'p.id', 'a.author_person_id')
      .leftJoin('accounts as acc', 'acc.id', 'a.author_account_id')
      // The author's own team: an anonymous appeal itself is placed at its unit (service.placement).
      .innerJoin('orgs as o', (j) => j.on(sql<SqlBool>`o.id = coalesce(p.org_id, a.org_id)`))
      .select([
        'a.author_account_id',
        'a.author_person_id',
        'p.employment_category',
        'o.id as org_id',
        'o.name as org_name',
        sql<string>`coalesce(p.name, acc.display_name)`.as('name'),
        sql<string | null>`coalesce(p.phone, acc.phone)`.as('phone'),
      ])
      .where('a.id', '=', id)
      .executeTakeFirst()
  );
}

// The detail's parts are read on every view and after every act: prepared shapes (the timeline: core/workflow eventsOf).
const duplicatesOfMaster = prepared((d: ADb, p: { masterId: string }) =>
  d.selectFrom('appeals').select(['id', 'code']).where('master_id', '=', p.masterId).orderBy('code'),
);
export const duplicatesOf = (db: Tx, masterId: string) => duplicatesOfMaster.all(db, { masterId });

const masterById = prepared((d: ADb, p: { id: string }) =>
  d.selectFrom('appeals').select(['id', 'code', 'status', 'answer', 'answered_at']).where('id', '=', p.id),
);
export const masterSummary = (db: Tx, id: string) => masterById.first(db, { id });

/**
 * Workers behind a master and its merged duplicates, as shown: distinct named authors, and
 * each anonymous appeal as a worker of its own — an exact count would drop by one when a
 * named author also wrote an anonymous duplicate, and so name them (workerKey).
 */
export async function countAffected(db: Tx, masterId: string): Promise<number> {
  const rows = await adb(db)
    .selectFrom('appeals')
    .select(sql<string>`case when anonymous = 1 then id else coalesce(author_person_id, author_account_id) end`.as('k'))
    .where((eb) => eb.or([eb('id', '=', masterId), eb('master_id', '=', masterId)]))
    .execute();
  return new Set(rows.map((r) => r.k)).size;
}

export function findExtension(db: Tx, appealId: string, id: string) {
  return adb(db).selectFrom('appeal_extensions').selectAll().where('id', '=', id).where('appeal_id', '=', appealId).executeTakeFirst();
}

export function pendingExtension(db: Tx, appealId: string) {
  return adb(db).selectFrom('appeal_extensions').select('id').where('appeal_id', '=', appealId).where('status', '=', 'pending').executeTakeFirst();
}

const extensionsOf = prepared((d: ADb, p: { appealId: string }) =>
  d.selectFrom('appeal_extensions').selectAll().where('appeal_id', '=', p.appealId).orderBy('requested_at'),
);
export const listExtensions = (db: Tx, appealId: string) => extensionsOf.all(db, { appealId });
