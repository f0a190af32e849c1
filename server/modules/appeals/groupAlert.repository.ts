/**
 * The SQL of group-dispute early warning: signatures and their issue keys written at
 * intake, the candidates an intake is compared with, and the alerts themselves.
 * The decision is groupAlert.decide.ts; the intake's part groupAlert.intake.ts.
 */
import type { Tx } from '../../core/db/database.js';
import { insertRow, prepared } from '../../core/db/prepared.js';
import { lockFor } from '../../core/db/locks.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope } from '../../core/rbac/scope-sql.js';
import { adb, type ADb, type AppealGroupAlertTable, type AppealSignatureTable } from './appeals.tables.js';

/** Group checks of one unit and category take turns until their transaction ends. */
export async function lockBucket(db: Tx, unitId: string, category: string) {
  await lockFor(db, `appeals.group:${unitId}:${category}`);
}

export async function insertSignature(db: Tx, row: AppealSignatureTable, keys: string[]) {
  await insertRow(adb(db), 'appeal_signatures', row);
  // One statement for all keys (a dozen or two): on PostgreSQL each statement is a round trip.
  if (keys.length) await adb(db).insertInto('appeal_signature_keys').values(keys.map((key) => ({ unit_id: row.unit_id, category: row.category, key, submitted_at: row.submitted_at, appeal_id: row.appeal_id }))).execute();
}

/**
 * Earlier appeals of the same unit and category since `since` that share an issue key, with
 * their alert's state. Members of an answered alert never count again (groupAlert.decide.ts),
 * so they are not read at all; a dismissed alert's are, since they hold its dismissal.
 */
const candidatesOf = prepared((d: ADb, p: { unitId: string; category: string; keys: string[]; since: string }) =>
  d
    .selectFrom('appeal_signatures as s')
    .leftJoin('appeal_group_alerts as g', 'g.id', 's.group_alert_id')
    .select(['s.appeal_id', 's.author_key', 's.tokens', 's.group_alert_id', 's.settled', 'g.status as alert_status'])
    .where((eb) => eb.or([eb('s.group_alert_id', 'is', null), eb.and([eb('s.settled', '=', 0), eb('g.status', 'in', ['open', 'confirmed'])]), eb('g.status', '=', 'dismissed')]))
    .where('s.appeal_id', 'in', (eb) =>
      eb
        .selectFrom('appeal_signature_keys as k')
        .select('k.appeal_id')
        .where('k.unit_id', '=', p.unitId)
        .where('k.category', '=', p.category)
        .where('k.key', 'in', p.keys)
        .where('k.submitted_at', '>=', p.since),
    ),
);
export function candidates(db: Tx, unitId: string, category: string, keys: string[], since: string) {
  if (!keys.length) return Promise.resolve([]);
  return candidatesOf.all(db, { unitId, category, keys, since });
}

/** Whether an alert already counts this worker. */
export async function alertHasAuthor(db: Tx, alertId: string, authorKey: string): Promise<boolean> {
  return !!(await adb(db).selectFrom('appeal_signatures').select('appeal_id').where('group_alert_id', '=', alertId).where('author_key', '=', authorKey).limit(1).executeTakeFirst());
}

export async function countJoin(db: Tx, alertId: string, newWorker: boolean, at: string) {
  await adb(db)
    .updateTable('appeal_group_alerts')
    .set((eb) => ({ appeal_count: eb('appeal_count', '+', 1), worker_count: eb('worker_count', '+', newWorker ? 1 : 0), updated_at: at }))
    .where('id', '=', alertId)
    .execute();
}

export async function setSignatureAlert(db: Tx, appealIds: string[], alertId: string) {
  if (!appealIds.length) return;
  await adb(db).updateTable('appeal_signatures').set({ group_alert_id: alertId }).where('appeal_id', 'in', appealIds).execute();
  await adb(db).updateTable('appeals').set({ group_alert_id: alertId }).where('id', 'in', appealIds).execute();
}

/** An appeal filed with a dismissed alert is spent like its members. */
export async function settleSignature(db: Tx, appealId: string) {
  await adb(db).updateTable('appeal_signatures').set({ settled: 1 }).where('appeal_id', '=', appealId).execute();
}

export async function settleAlertSignatures(db: Tx, alertId: string) {
  await adb(db).updateTable('appeal_signatures').set({ settled: 1 }).where('group_alert_id', '=', alertId).execute();
}

export function signaturesOfAlert(db: Tx, alertId: string) {
  return adb(db).selectFrom('appeal_signatures').select(['appeal_id', 'author_key', 'tokens']).where('group_alert_id', '=', alertId).execute();
}

export async function insertAlert(db: Tx, row: AppealGroupAlertTable) {
  await adb(db).insertInto('appeal_group_alerts').values(row).execute();
}

export async function updateAlert(db: Tx, id: string, from: readonly string[], patch: Partial<AppealGroupAlertTable>): Promise<boolean> {
  const res = await adb(db).updateTable('appeal_group_alerts').set(patch).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function findAlert(db: Tx, id: string) {
  return adb(db)
    .selectFrom('appeal_group_alerts as g')
    .innerJoin('orgs as u', 'u.id', 'g.unit_id')
    .selectAll('g')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('g.id', '=', id)
    .executeTakeFirst();
}

export async function listAlerts(
  db: Tx,
  scope: Scope,
  f: { status?: readonly string[]; unitId?: string },
  page: { limit: number; offset: number; sort: 'raisedAt' | 'workerCount'; order: 'asc' | 'desc' },
) {
  const q = adb(db)
    .selectFrom('appeal_group_alerts as g')
    .innerJoin('orgs as u', 'u.id', 'g.unit_id')
    .where((eb) => pathInScope(eb, 'u.path', scope))
    .$if(!!f.status?.length, (qb) => qb.where('g.status', 'in', [...f.status!]))
    .$if(!!f.unitId, (qb) => qb.where('g.unit_id', '=', f.unitId!));
  const [{ n }] = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).execute();
  const rows = await q
    .selectAll('g')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .orderBy(page.sort === 'workerCount' ? 'g.worker_count' : 'g.raised_at', page.order)
    .orderBy('g.id', page.order)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(n) };
}

export function alertMembers(db: Tx, alertId: string) {
  return adb(db)
    .selectFrom('appeals')
    .select(['id', 'code', 'title', 'status', 'submitted_at', 'anonymous'])
    .where('group_alert_id', '=', alertId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export function signatureOf(db: Tx, appealId: string) {
  return adb(db).selectFrom('appeal_signatures').select(['tokens', 'group_alert_id']).where('appeal_id', '=', appealId).executeTakeFirst();
}

export function signaturesOf(db: Tx, appealIds: string[]) {
  return adb(db).selectFrom('appeal_signatures').select(['appeal_id', 'group_alert_id']).where('appeal_id', 'in', appealIds).execute();
}

/** Appeals of a unit, any of `categories`, submitted in [from, to], sharing an index key: the similar-appeals list reads what the intake reads. */
export function similarCandidates(db: Tx, unitId: string, categories: string[], keys: string[], from: string, to: string) {
  if (!keys.length) return Promise.resolve([]);
  return adb(db)
    .selectFrom('appeal_signatures as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select(['s.appeal_id', 's.tokens', 's.group_alert_id', 's.submitted_at', 's.category', 'a.code', 'a.title', 'a.status'])
    .where('s.appeal_id', 'in', (eb) =>
      eb
        .selectFrom('appeal_signature_keys as k')
        .select('k.appeal_id')
        .where('k.unit_id', '=', unitId)
        .where('k.category', 'in', categories)
        .where('k.key', 'in', keys)
        .where('k.submitted_at', '>=', from)
        .where('k.submitted_at', '<=', to),
    )
    .execute();
}
