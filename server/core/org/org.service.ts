import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit, diff } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';
import { scopeOf } from '../rbac/actor.js';
import { can } from './org.policy.js';
import * as repo from './org.repository.js';
import { reRootOrgPaths } from '../people/people.repository.js';
import type { Org } from '../../../common/schemas/org.js';

export function present(row: repo.OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as Org['kind'],
    name: row.name,
    code: row.code,
    depth: row.depth,
    sortOrder: row.sort_order,
  };
}

export async function list(db: Db, actor: Actor, under?: string) {
  return (await repo.listOrgs(db, scopeOf(actor, 'org.read'), under)).map(present);
}

/** Loads an org the actor may read; anything else is "not found" so ids do not leak existence. */
export async function getReadable(db: Db, actor: Actor, id: string) {
  const org = await repo.findOrg(db, id);
  if (!org || !can(actor, 'read', org)) throw notFound();
  return org;
}

export async function create(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  input: { parentId: string | null; kind: string; name: string; code?: string | null; sortOrder?: number },
) {
  const parent = input.parentId ? ((await repo.findOrg(db, input.parentId)) ?? null) : null;
  if (input.parentId && (!parent || !can(actor, 'read', parent))) throw notFound();
  if (!can(actor, 'create', parent)) throw input.parentId ? forbidden() : new AppError(403, 'forbidden', 'org.rootForbidden');
  const id = newId();
  const now = nowIso();
  const row: repo.OrgRow = {
    id,
    parent_id: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    kind: input.kind,
    name: input.name,
    code: input.code ?? null,
    sort_order: input.sortOrder ?? 0,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertOrg(tx, row);
    await recordAudit(tx, ctx, {
      action: 'org.create',
      entityType: 'org',
      entityId: id,
      orgId: id,
      changes: { name: row.name, kind: row.kind, parentId: row.parent_id },
    });
  });
  return present(row);
}

export async function update(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  id: string,
  input: { name?: string; code?: string | null; parentId?: string; sortOrder?: number },
) {
  const org = await getReadable(db, actor, id);
  if (!can(actor, 'update', org)) throw forbidden();
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    const patch = { name: input.name, code: input.code, sort_order: input.sortOrder };
    const changes: Record<string, unknown> = diff(org as any, patch);
    if (input.parentId !== undefined && input.parentId !== org.parent_id) {
      const target = await repo.findOrg(tx, input.parentId);
      if (!target || !can(actor, 'read', target)) throw notFound();
      if (!can(actor, 'update', target)) throw forbidden();
      if (target.path.startsWith(org.path)) throw new AppError(422, 'invalid', 'org.cycle', {}, [{ field: 'body.parentId', message: 'org.cycle' }]);
      const newPath = `${target.path}${org.id}/`;
      await repo.moveSubtree(tx, org.path, newPath, target.depth + 1 - org.depth, now);
      await reRootOrgPaths(tx, org.path, newPath);
      await repo.updateOrg(tx, id, { parent_id: target.id });
      changes.parentId = [org.parent_id, target.id];
    }
    if (Object.keys(patch).some((k) => (patch as any)[k] !== undefined)) {
      await repo.updateOrg(tx, id, { ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updated_at: now });
    }
    await recordAudit(tx, ctx, { action: 'org.update', entityType: 'org', entityId: id, orgId: id, changes });
  });
  return present((await repo.findOrg(db, id))!);
}

export async function remove(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const org = await getReadable(db, actor, id);
  if (!can(actor, 'delete', org)) throw forbidden();
  await db.transaction().execute(async (tx) => {
    if ((await repo.countDependants(tx, id)) > 0) throw new AppError(409, 'conflict', 'org.hasChildren');
    await tx.deleteFrom('calendar_overrides').where('org_id', '=', id).execute();
    // The org's group robots go with it, and so does whatever they had not yet sent.
    const hooks = tx.selectFrom('webhooks').select('id').where('org_id', '=', id);
    await tx.deleteFrom('webhook_outbox').where('webhook_id', 'in', hooks).execute();
    await tx.deleteFrom('webhooks').where('org_id', '=', id).execute();
    await tx.deleteFrom('role_grants').where('org_id', '=', id).execute();
    await repo.deleteOrg(tx, id);
    await recordAudit(tx, ctx, { action: 'org.delete', entityType: 'org', entityId: id, orgId: org.parent_id, changes: { name: org.name } });
  });
}
