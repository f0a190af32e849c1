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
  if (keys.length)
    await adb(db)
      .insertInto('appeal_signature_keys')
      .values(keys.map((key) => ({ unit_id: row.unit_id, category: row.category, key, submitted_at: row.submitted_at, appeal_id: row.appeal_id })))
      .execute();
}

/** Per key, the newest appeals read: a surge of one grievance fills each key's list with its own members. */
export const READ_PER_KEY = 64;
/** Appeals read in all, those sharing most keys first: bounds the scoring (prepare + score) of one check. */
export const READ_MAX = 200;

/**
 * Keys are padded to a multiple of this with NO_KEY (stored for no appeal) so that a handful of
 * statement shapes, each built and compiled once (core/db/prepared.ts), serve texts of any
 * number of keys: building and compiling a UNION of up to ~70 sub-selects afresh cost a
 * check more CPU than running it.
 */
const KEY_STEP = 8;
const NO_KEY = '';

/**
 * Per appeal of a unit and category: how many of `keys` it shares (n) and when the newest of
 * them was submitted, among the newest READ_PER_KEY of each key submitted from `from` (to
 * `to`, when given). The intake's candidates and the similar-appeals list both count this way.
 */
function keyMatches(d: ADb, p: { unitId: string; category: string; keys: string[]; from: string }, to: string | null) {
  const perKey = p.keys.map((key) =>
    d
      .selectFrom(
        d
          .selectFrom('appeal_signature_keys')
          .select(['appeal_id', 'submitted_at'])
          .where('unit_id', '=', p.unitId)
          .where('category', '=', p.category)
          .where('key', '=', key)
          .where('submitted_at', '>=', p.from)
          .$if(to !== null, (q) => q.where('submitted_at', '<=', to!))
          .orderBy('submitted_at', 'desc')
          .orderBy('appeal_id', 'desc')
          .limit(READ_PER_KEY)
          .as('k'),
      )
      .select(['k.appeal_id', 'k.submitted_at']),
  );
  const hits = perKey.slice(1).reduce((u, q) => u.unionAll(q), perKey[0]);
  return d
    .selectFrom(hits.as('h'))
    .select((eb) => ['h.appeal_id', eb.fn.countAll<number>().as('n'), eb.fn.max('h.submitted_at').as('latest')])
    .groupBy('h.appeal_id');
}

const candidatesQuery = prepared((d: ADb, p: { unitId: string; category: string; keys: string[]; from: string }) => {
  const ranked = keyMatches(d, p, null).orderBy('n', 'desc').orderBy('latest', 'desc').orderBy('h.appeal_id', 'desc').limit(READ_MAX);
  return d
    .selectFrom(ranked.as('r'))
    .innerJoin('appeal_signatures as s', 's.appeal_id', 'r.appeal_id')
    .leftJoin('appeal_group_alerts as g', 'g.id', 's.group_alert_id')
    .select(['s.appeal_id', 's.author_key', 's.group_alert_id', 's.settled', 'g.status as alert_status'])
    .where((eb) =>
      eb.or([
        eb('s.group_alert_id', 'is', null),
        eb.and([eb('s.settled', '=', 0), eb('g.status', 'in', ['open', 'confirmed'])]),
        eb('g.status', '=', 'dismissed'),
      ]),
    )
    .orderBy('r.n', 'desc')
    .orderBy('r.latest', 'desc')
    .orderBy('r.appeal_id', 'desc');
});

/** `keys` padded with NO_KEY to the next multiple of KEY_STEP. */
export function padKeys(keys: readonly string[]): string[] {
  const padded = [...keys];
  while (padded.length % KEY_STEP) padded.push(NO_KEY);
  return padded;
}

/**
 * Earlier appeals of the same unit and category since `since` that share an issue key, with
 * their alert's state (not their signature: signatureTextsOf()): the newest READ_PER_KEY per key (a walk down the primary key, bounded
 * whatever the window holds), of those the READ_MAX sharing most keys, newest first on a tie.
 * This order is the decision's tie order; the evaluation's replay reads by the same rule
 * (bench/appeals/eval.ts). Members of an answered alert never count again
 * (groupAlert.decide.ts), so they are not returned; a dismissed alert's are, since they hold
 * its dismissal.
 */
export function candidates(db: Tx, unitId: string, category: string, keys: string[], since: string) {
  if (!keys.length) return Promise.resolve([]);
  return candidatesQuery.all(db, { unitId, category, keys: padKeys(keys), from: since });
}

/** Ids are padded to a multiple of this (with NO_KEY, no appeal's id), so a few statement shapes serve any number. */
const ID_STEP = 16;

const signatureTexts = prepared((d: ADb, p: { ids: string[] }) =>
  d.selectFrom('appeal_signatures').select(['appeal_id', 'tokens']).where('appeal_id', 'in', p.ids),
);

/**
 * The stored signatures of some appeals (the candidates a check has not prepared yet,
 * groupAlert.signatures.ts): read apart from candidates(), so the texts of those it has — most,
 * in a busy unit — are neither read nor sent.
 */
export async function signatureTextsOf(db: Tx, appealIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < appealIds.length; i += READ_MAX) {
    const ids = appealIds.slice(i, i + READ_MAX);
    while (ids.length % ID_STEP) ids.push(NO_KEY);
    for (const r of await signatureTexts.all(db, { ids })) out.set(r.appeal_id, r.tokens);
  }
  return out;
}

/** Whether an alert already counts this worker. */
export async function alertHasAuthor(db: Tx, alertId: string, authorKey: string): Promise<boolean> {
  return !!(await adb(db)
    .selectFrom('appeal_signatures')
    .select('appeal_id')
    .where('group_alert_id', '=', alertId)
    .where('author_key', '=', authorKey)
    .limit(1)
    .executeTakeFirst());
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
  const res = await adb(db)
    .updateTable('appeal_group_alerts')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
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

/** Per category: the appeals among the newest READ_PER_KEY of each key in [from, to], with the keys they share (n). */
const similarIds = prepared((d: ADb, p: { unitId: string; category: string; keys: string[]; from: string; to: string }) => keyMatches(d, p, p.to));

/**
 * Appeals of a unit, any of `categories`, submitted in [from, to], sharing an index key: the
 * similar-appeals list reads what the intake reads, bounded the same way — per category the
 * newest READ_PER_KEY of each key, of all those the READ_MAX sharing most keys (newest first
 * on a tie) — so a mass dispute of thousands does not make one detail read them all.
 */
export async function similarCandidates(db: Tx, unitId: string, categories: string[], keys: string[], from: string, to: string) {
  if (!keys.length) return [];
  const padded = padKeys(keys);
  const hits: { appeal_id: string; n: number | string; latest: string }[] = [];
  // One bounded walk per category (a UNION of categories × keys would pass SQLite's 500-term limit).
  for (const category of categories) hits.push(...(await similarIds.all(db, { unitId, category, keys: padded, from, to })));
  const ids = hits
    .sort((x, y) => Number(y.n) - Number(x.n) || y.latest.localeCompare(x.latest) || y.appeal_id.localeCompare(x.appeal_id))
    .slice(0, READ_MAX)
    .map((h) => h.appeal_id);
  if (!ids.length) return [];
  return adb(db)
    .selectFrom('appeal_signatures as s')
    .innerJoin('appeals as a', 'a.id', 's.appeal_id')
    .select(['s.appeal_id', 's.tokens', 's.group_alert_id', 's.submitted_at', 's.category', 'a.code', 'a.title', 'a.status'])
    .where('s.appeal_id', 'in', ids)
    .execute();
}
