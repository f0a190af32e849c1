import type { Db } from '../db/database.js';
import { forbidden, notFound } from '../errors.js';
import type { CallContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';
import { inScope, scopeOf } from '../rbac/actor.js';
import { findOrg } from '../org/org.repository.js';
import type { Column, ListExport } from '../excel/export.js';
import { t } from '../i18n/messages.js';
import type { AuditEvent, AuditFilter } from '../../../common/schemas/audit.js';
import { recordAudit } from './audit.js';
import * as repo from './audit.repository.js';
import { AM } from './audit.messages.js';

export const AUDIT_READ = 'audit.read';
export const EXPORT_CAP = 50_000;

function parseChanges(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function present(r: repo.AuditRow): AuditEvent {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    orgId: r.org_id,
    orgName: r.org_name ?? null,
    changes: parseChanges(r.changes),
    ip: r.ip,
  };
}

/** A bare date is a Beijing calendar day, as the person picking it means it; instants are normalised to the stored form. */
function instant(value: string, edge: 'start' | 'end'): string {
  if (value.length === 10) return new Date(Date.parse(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`)).toISOString();
  return new Date(Date.parse(value)).toISOString();
}

async function resolve(db: Db, actor: Actor, f: AuditFilter) {
  const scope = scopeOf(actor, AUDIT_READ);
  if (!scope.all && scope.paths.length === 0) throw forbidden();
  let orgPath: string | undefined;
  if (f.orgId) {
    const org = await findOrg(db, f.orgId);
    if (!org || !inScope(scope, org.path)) throw notFound();
    orgPath = org.path;
  }
  const query: repo.AuditQuery = {
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    actorId: f.actorId,
    orgPath,
    from: f.from ? instant(f.from, 'start') : undefined,
    to: f.to ? instant(f.to, 'end') : undefined,
  };
  return { scope, query };
}

export async function list(db: Db, actor: Actor, q: AuditFilter & { page: number; pageSize: number; order: 'asc' | 'desc' }) {
  const { scope, query } = await resolve(db, actor, q);
  const res = await repo.listAudit(db, scope, query, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, order: q.order });
  return { items: res.rows.map(present), total: res.total, page: q.page, pageSize: q.pageSize };
}

/** Beijing wall-clock time for the spreadsheet, which people read without a time zone. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The log's filters as an export declaration (core `sendXlsx` writes it), up to EXPORT_CAP rows; the copy itself is audited. */
export async function exportXlsx(db: Db, ctx: CallContext, actor: Actor, f: AuditFilter & { order: 'asc' | 'desc' }): Promise<ListExport<repo.AuditRow>> {
  // resolve refuses (403) a caller with no audit scope, so whoever gets a declaration reads some of the log.
  const { scope, query } = await resolve(db, actor, f);
  const rows = await repo.exportAudit(db, scope, query, f.order, EXPORT_CAP + 1);
  const truncated = rows.length > EXPORT_CAP;
  if (truncated) rows.length = EXPORT_CAP;
  // Who took a copy of the log, and of which part, is itself worth a line in the log.
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'audit.export', entityType: 'audit', orgId: f.orgId ?? null, changes: { filter: f, rows: rows.length, truncated } }),
    );
  const L = (key: keyof typeof AM) => t(ctx.locale, AM[key]);
  const columns: Column<repo.AuditRow>[] = [
    { header: L('audit.col.at'), width: 20, value: (r) => beijing(r.at) },
    { header: L('audit.col.actor'), width: 14, value: (r) => r.actor_name ?? '' },
    { header: L('audit.col.action'), width: 24, value: (r) => r.action },
    { header: L('audit.col.entityType'), width: 16, value: (r) => r.entity_type },
    { header: L('audit.col.entityId'), width: 38, value: (r) => r.entity_id ?? '' },
    { header: L('audit.col.org'), width: 20, value: (r) => r.org_name ?? '' },
    { header: L('audit.col.changes'), width: 60, value: (r) => r.changes ?? '' },
    { header: L('audit.col.ip'), width: 16, value: (r) => r.ip ?? '' },
  ];
  return { fileName: L('audit.fileName'), sheet: L('audit.sheetName'), columns, rows, readsAny: true, truncated };
}
