import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Scope } from '../rbac/actor.js';
import { pathInScope, pathUnder } from '../rbac/scope-sql.js';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** Events of this subtree. */
  orgPath?: string;
  /** Inclusive ISO instants. */
  from?: string;
  to?: string;
}

function filtered(db: Db, scope: Scope, f: AuditQuery) {
  return (
    db
      .selectFrom('audit_events as e')
      .leftJoin('orgs as o', 'o.id', 'e.org_id')
      // Events without an org (sign-ins, deployment-wide settings) match only a deployment-wide scope.
      .where((eb) => pathInScope(eb, 'o.path', scope))
      .$if(!!f.action, (q) => {
        const a = f.action!;
        if (!a.endsWith('*')) return q.where('e.action', '=', a);
        const prefix = a.slice(0, -1).replace(/[\\%_]/g, (c) => '\\' + c);
        return q.where(sql<boolean>`e.action like ${prefix + '%'} escape '\\'`);
      })
      .$if(!!f.entityType, (q) => q.where('e.entity_type', '=', f.entityType!))
      .$if(!!f.entityId, (q) => q.where('e.entity_id', '=', f.entityId!))
      .$if(!!f.actorId, (q) => q.where('e.actor_id', '=', f.actorId!))
      .$if(!!f.orgPath, (q) => q.where((eb) => pathUnder(eb, 'o.path', f.orgPath!)))
      .$if(!!f.from, (q) => q.where('e.at', '>=', f.from!))
      .$if(!!f.to, (q) => q.where('e.at', '<=', f.to!))
  );
}

export async function listAudit(db: Db, scope: Scope, f: AuditQuery, page: { limit: number; offset: number; order: 'asc' | 'desc' }) {
  const base = filtered(db, scope, f);
  const [rows, count] = await Promise.all([
    base.selectAll('e').select('o.name as org_name').orderBy('e.at', page.order).orderBy('e.id', page.order).limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function exportAudit(db: Db, scope: Scope, f: AuditQuery, order: 'asc' | 'desc', limit: number) {
  return filtered(db, scope, f).selectAll('e').select('o.name as org_name').orderBy('e.at', order).orderBy('e.id', order).limit(limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof exportAudit>>[number];
