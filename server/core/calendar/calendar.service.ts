import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { scopeOf, inScope, type Actor } from '../rbac/actor.js';
import { getReadable } from '../org/org.service.js';
import { invalidateCalendar, workCalendar } from './calendar.js';
import { pathInScope } from '../rbac/scope-sql.js';

async function orgPath(db: Db, actor: Actor, orgId?: string) {
  return orgId ? (await getReadable(db, actor, orgId)).path : null;
}

export async function days(db: Db, actor: Actor, q: { from: string; to: string; orgId?: string }) {
  if (q.to < q.from || Date.parse(q.to) - Date.parse(q.from) > 400 * 86_400_000) {
    throw new AppError(400, 'validation', 'error.validation', {}, [{ field: 'query.to', message: 'calendar.range' }]);
  }
  const cal = await workCalendar(db, await orgPath(db, actor, q.orgId));
  const years: number[] = [];
  for (let y = Number(q.from.slice(0, 4)); y <= Number(q.to.slice(0, 4)); y++) years.push(y);
  return {
    items: cal.range(q.from, q.to),
    years: years.map((year) => ({ year, source: cal.yearSource(year), provisional: cal.yearSource(year) === 'statutory' })),
  };
}

export async function addWorkingDays(db: Db, actor: Actor, q: { start: string; days: number; orgId?: string }) {
  return (await workCalendar(db, await orgPath(db, actor, q.orgId))).deadline(q.start, q.days);
}

export async function day(db: Db, actor: Actor, q: { date: string; orgId?: string }) {
  return (await workCalendar(db, await orgPath(db, actor, q.orgId))).day(q.date);
}

export async function listOverrides(db: Db, actor: Actor) {
  const scope = scopeOf(actor, 'org.read');
  const rows = await db
    .selectFrom('calendar_overrides as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.date', 'c.working', 'c.note', 'c.org_id'])
    .where((eb) => eb.or([eb('c.org_id', 'is', null), pathInScope(eb, 'o.path', scope)]))
    .orderBy('c.date')
    .execute();
  return rows.map((r) => ({ id: r.id, date: r.date, working: r.working === 1, note: r.note, orgId: r.org_id }));
}

function mayManage(actor: Actor, path: string | null) {
  const scope = scopeOf(actor, 'calendar.manage');
  return path === null ? scope.all : inScope(scope, path);
}

export async function createOverride(db: Db, ctx: CallContext, actor: Actor, input: { date: string; working: boolean; note: string; orgId?: string | null }) {
  const path = await orgPath(db, actor, input.orgId ?? undefined);
  if (!mayManage(actor, path)) throw forbidden();
  const row = { id: newId(), org_id: input.orgId ?? null, date: input.date, working: input.working ? 1 : 0, note: input.note, created_at: nowIso() };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('calendar_overrides').values(row).execute();
    await recordAudit(tx, ctx, {
      action: 'calendar.override',
      entityType: 'calendarOverride',
      entityId: row.id,
      orgId: row.org_id,
      changes: { date: row.date, working: input.working, note: row.note },
    });
  });
  invalidateCalendar(db);
  return { id: row.id, date: row.date, working: input.working, note: row.note, orgId: row.org_id };
}

export async function deleteOverride(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const row = await db
    .selectFrom('calendar_overrides as c')
    .leftJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.date', 'c.org_id', 'o.path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (!mayManage(actor, row.path ?? null)) throw forbidden();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('calendar_overrides').where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'calendar.overrideDeleted',
      entityType: 'calendarOverride',
      entityId: id,
      orgId: row.org_id,
      changes: { date: row.date },
    });
  });
  invalidateCalendar(db);
}
