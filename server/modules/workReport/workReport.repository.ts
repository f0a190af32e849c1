/** All SQL of the work report: reports, their issued versions, and the dashboard's thresholds. */
import type { Db, Tx } from '../../core/db/database.js';
import type { Scope } from '../../core/rbac/actor.js';
import { pathInScope, pathUnder } from '../../core/rbac/scope-sql.js';
import { newId } from '../../core/ids.js';
import { wdb, type WorkReportTable } from './workReport.tables.js';

export type ReportRow = WorkReportTable & { org_name: string };

export function findOrg(db: Tx, id: string) {
  return db.selectFrom('orgs').select(['id', 'name', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
}

export function findReport(db: Tx, id: string): Promise<ReportRow | undefined> {
  return wdb(db)
    .selectFrom('work_reports')
    .innerJoin('orgs', 'orgs.id', 'work_reports.org_id')
    .selectAll('work_reports')
    .select('orgs.name as org_name')
    .where('work_reports.id', '=', id)
    .executeTakeFirst();
}

export interface ReportFilter {
  orgPath?: string;
  status?: string;
}

export async function listReports(
  db: Db,
  scope: Scope,
  f: ReportFilter,
  page: { limit: number; offset: number; sort: 'created_at' | 'from_date'; order: 'asc' | 'desc' },
) {
  const base = wdb(db)
    .selectFrom('work_reports')
    .innerJoin('orgs', 'orgs.id', 'work_reports.org_id')
    .where((eb) => pathInScope(eb, 'work_reports.org_path', scope))
    .$if(!!f.orgPath, (q) => q.where((eb) => pathUnder(eb, 'work_reports.org_path', f.orgPath!)))
    .$if(!!f.status, (q) => q.where('work_reports.status', '=', f.status!));
  const [rows, total] = await Promise.all([
    base
      .selectAll('work_reports')
      .select('orgs.name as org_name')
      .orderBy(`work_reports.${page.sort}`, page.order)
      .orderBy('work_reports.id', page.order)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ReportRow[], total: Number(total.n) };
}

export async function insertReport(tx: Tx, row: WorkReportTable) {
  await wdb(tx).insertInto('work_reports').values(row).execute();
}

/** Moves a report from one status to the next only if it is still in `from`: one winner among racing calls. */
export async function moveReport(tx: Tx, id: string, from: readonly string[], patch: Partial<WorkReportTable>): Promise<boolean> {
  const r = await wdb(tx)
    .updateTable('work_reports')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setProgress(db: Db, id: string, progress: number, at: string) {
  await wdb(db).updateTable('work_reports').set({ progress, updated_at: at }).where('id', '=', id).where('status', '=', 'generating').execute();
}

/** Reports left 'generating' by an instance that stopped, and reports still waiting. */
export async function pendingReports(db: Db, staleBefore: string) {
  await wdb(db)
    .updateTable('work_reports')
    .set({ status: 'queued', progress: 0 })
    .where('status', '=', 'generating')
    .where('updated_at', '<', staleBefore)
    .execute();
  return (await wdb(db).selectFrom('work_reports').select('id').where('status', '=', 'queued').orderBy('created_at').limit(20).execute()).map((r) => r.id);
}

export function versionsOf(db: Tx, reportId: string) {
  return wdb(db).selectFrom('work_report_versions').selectAll().where('report_id', '=', reportId).orderBy('version').execute();
}

export async function insertVersion(
  tx: Tx,
  row: { report_id: string; version: number; narrative: string; issued_at: string; issued_by: string | null; issued_by_name: string | null },
) {
  await wdb(tx)
    .insertInto('work_report_versions')
    .values({ id: newId(), ...row })
    .execute();
}

export function thresholdsOf(db: Tx, orgId: string) {
  return wdb(db)
    .selectFrom('work_report_thresholds')
    .select(['indicator', 'direction', 'value', 'weeks'])
    .where('org_id', '=', orgId)
    .orderBy('indicator')
    .execute();
}

/** Replaces the org's thresholds with `items`. */
export async function replaceThresholds(
  tx: Tx,
  orgId: string,
  items: { indicator: string; direction: string; value: number; weeks?: number | null }[],
  at: string,
) {
  await wdb(tx).deleteFrom('work_report_thresholds').where('org_id', '=', orgId).execute();
  if (items.length)
    await wdb(tx)
      .insertInto('work_report_thresholds')
      .values(
        items.map((i) => ({
          id: newId(),
          org_id: orgId,
          indicator: i.indicator,
          direction: i.direction,
          value: i.value,
          weeks: i.weeks ?? null,
          updated_at: at,
        })),
      )
      .execute();
}
