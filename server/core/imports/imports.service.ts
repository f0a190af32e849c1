/**
 * Roster import in two steps. Upload: read and check every row, keep the result as a
 * 'preview' batch, write no person. Confirm (the uploader, a batch without faults): write
 * all rows in one transaction, in chunks, with one audit event. The CLI runs the same
 * check and write without a batch.
 */
import type { Db, Tx } from '../db/database.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import { hasPermission, type Actor } from '../rbac/actor.js';
import { t, type Locale } from '../i18n/messages.js';
import { findOrg, type OrgRow } from '../org/org.repository.js';
import { readFirstSheet } from '../excel/import.js';
import { orgVisible } from '../people/people.policy.js';
import { insertPeople, takenEmployeeNos, type NewPerson } from '../people/people.repository.js';
import { idNumberBirthDate, idNumberGender } from '../../../common/schemas/people.js';
import { MAX_LISTED_ERRORS, ROSTER_COLUMNS, type ImportBatch, type ImportPreview, type ImportStatus, type RosterRow } from '../../../common/schemas/imports.js';
import { MAX_ROWS, OrgPathResolver, parseRoster, type RowFault } from './roster.js';
import * as repo from './imports.repository.js';
import { namesAlong } from '../people/org-names.js';
import './imports.messages.js';

const CHUNK = 500;
const PREVIEW_ROWS = 50;

/** Rows written so far by confirms running in this process, for progress polls between chunks. */
const progress = new Map<string, number>();

export interface Analysis {
  rows: RosterRow[];
  faults: RowFault[];
  totalRows: number;
  ignoredColumns: string[];
}

/** Employee numbers are unique among the active people of one top-level organisation. */
const rootPrefix = (path: string) => `/${path.split('/')[1]}/`;

async function duplicateFaults(db: Tx, org: OrgRow, employeeNos: Map<string, number>): Promise<RowFault[]> {
  const taken = await takenEmployeeNos(db, rootPrefix(org.path), [...employeeNos.keys()]);
  return [...taken].map((no) => ({ row: employeeNos.get(no)!, column: ROSTER_COLUMNS.employeeNo, key: 'import.employeeNoExists', params: { employeeNo: no } }));
}

/** Reads and checks a roster for `org`; writes nothing. */
export async function analyse(db: Tx, org: OrgRow, file: Buffer, fileName: string): Promise<Analysis> {
  const sheet = await readFirstSheet(file, MAX_ROWS + 10, { csv: /\.csv$/i.test(fileName) });
  const chain = (await namesAlong(db, [org.path])).get(org.path)!;
  const resolver = new OrgPathResolver(org, await repo.subtreeOrgs(db, org.path), chain);
  const parsed = parseRoster(sheet, resolver);
  if (parsed.totalRows > MAX_ROWS)
    throw new AppError(422, 'invalid', 'import.tooManyRows', { max: MAX_ROWS }, [
      { field: 'body.file', message: 'import.tooManyRows', params: { max: MAX_ROWS } },
    ]);
  if (parsed.totalRows === 0 && parsed.faults.length === 0)
    throw new AppError(422, 'invalid', 'import.empty', {}, [{ field: 'body.file', message: 'import.empty' }]);
  const dupes = await duplicateFaults(db, org, parsed.employeeNos);
  const badRows = new Set(dupes.map((f) => f.row));
  const faults = [...parsed.faults, ...dupes].sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { rows: parsed.rows.filter((r) => !badRows.has(r.row)), faults, totalRows: parsed.totalRows, ignoredColumns: parsed.ignoredColumns };
}

const COLUMN_ORDER = Object.values(ROSTER_COLUMNS) as string[];
const columnOrder = (c: string) => COLUMN_ORDER.indexOf(c);

export const renderFaults = (faults: RowFault[], locale: Locale) => faults.map((f) => ({ row: f.row, column: f.column, message: t(locale, f.key, f.params) }));

/** Thrown inside the write transaction when the database changed since the check. */
class StaleRoster extends Error {
  constructor(readonly faults: RowFault[]) {
    super('stale roster');
  }
}

/**
 * Writes checked rows under `org` in the caller's transaction, in chunks. Checks again what
 * may have changed since the upload: the orgs named and employee numbers taken meanwhile.
 */
export async function writeRoster(
  tx: Tx,
  ctx: CallContext,
  org: OrgRow,
  rows: RosterRow[],
  opts: { fileName: string; batchId?: string; onProgress?(written: number): Promise<void> | void },
): Promise<number> {
  const paths = new Map((await repo.subtreeOrgs(tx, org.path)).map((o) => [o.id, o.path]));
  if (rows.some((r) => !r.orgId || !paths.has(r.orgId))) throw new AppError(409, 'conflict', 'import.staleOrg');
  const employeeNos = new Map(rows.filter((r) => r.employeeNo).map((r) => [r.employeeNo!, r.row]));
  const dupes = await duplicateFaults(tx, org, employeeNos);
  if (dupes.length) throw new StaleRoster(dupes);
  const now = nowIso();
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r): NewPerson => ({
      id: newId(),
      org_id: r.orgId!,
      org_path: paths.get(r.orgId!)!,
      kind: r.kind ?? 'worker',
      name: r.name,
      gender: r.gender ?? (r.idNumber ? idNumberGender(r.idNumber) : null),
      employee_no: r.employeeNo,
      employment_category: r.employmentCategory,
      position: r.position,
      union_member: r.unionMember ? 1 : 0,
      phone: r.phone,
      id_number: r.idNumber,
      birth_date: r.idNumber ? idNumberBirthDate(r.idNumber) : null,
      subject: null,
      archived: 0,
      created_at: now,
      updated_at: now,
    }));
    await insertPeople(tx, chunk);
    written += chunk.length;
    if (opts.batchId) await repo.updateBatch(tx, opts.batchId, { processed_rows: written });
    await opts.onProgress?.(written);
  }
  await recordAudit(tx, ctx, {
    action: 'import.people',
    entityType: 'importBatch',
    entityId: opts.batchId ?? null,
    orgId: org.id,
    changes: { fileName: opts.fileName, rows: written },
  });
  return written;
}

async function importableOrg(db: Tx, actor: Actor, orgId: string) {
  const org = await findOrg(db, orgId);
  if (!org || !orgVisible(actor, org.path)) throw notFound();
  if (!hasPermission(actor, 'people.import', org.path)) throw forbidden();
  return org;
}

type BatchRow = NonNullable<Awaited<ReturnType<typeof repo.findBatch>>>;

function present(b: BatchRow, locale: Locale): ImportBatch {
  const faults = JSON.parse(b.errors) as RowFault[];
  // Every data row is either kept for writing or named in a fault.
  const validRows = b.total_rows - new Set(faults.map((f) => f.row)).size;
  const live = b.status === 'importing' ? (progress.get(b.id) ?? 0) : 0;
  return {
    id: b.id,
    status: b.status as ImportStatus,
    fileName: b.file_name,
    orgId: b.org_id,
    totalRows: b.total_rows,
    validRows,
    processedRows: Math.max(b.processed_rows, live),
    errorCount: faults.length,
    errors: renderFaults(faults.slice(0, MAX_LISTED_ERRORS), locale),
    createdAt: b.created_at,
    finishedAt: b.finished_at,
  };
}

export async function preview(db: Db, actor: Actor, locale: Locale, input: { orgId: string; fileName: string; file: Buffer }): Promise<ImportPreview> {
  const org = await importableOrg(db, actor, input.orgId);
  const analysis = await analyse(db, org, input.file, input.fileName);
  const row = {
    id: newId(),
    account_id: actor.accountId,
    org_id: org.id,
    kind: 'people',
    file_name: input.fileName.slice(0, 200),
    status: 'preview',
    total_rows: analysis.totalRows,
    processed_rows: 0,
    rows: JSON.stringify(analysis.rows),
    errors: JSON.stringify(analysis.faults),
    created_at: nowIso(),
    finished_at: null,
  };
  await repo.insertBatch(db, row);
  const { rows: _rows, ...stored } = row;
  return { ...present(stored, locale), preview: analysis.rows.slice(0, PREVIEW_ROWS), ignoredColumns: analysis.ignoredColumns };
}

/** A batch belongs to its uploader; to anyone else it does not exist. */
async function ownBatch(db: Tx, actor: Actor, id: string) {
  const batch = await repo.findBatch(db, id);
  if (!batch || batch.account_id !== actor.accountId) throw notFound();
  return batch;
}

export async function get(db: Db, actor: Actor, locale: Locale, id: string) {
  return present(await ownBatch(db, actor, id), locale);
}

export async function confirm(db: Db, ctx: CallContext, actor: Actor, id: string): Promise<ImportBatch> {
  const batch = await ownBatch(db, actor, id);
  const faults = JSON.parse(batch.errors) as RowFault[];
  if (faults.length) throw new AppError(422, 'invalid', 'import.hasErrors', { count: faults.length });
  if (batch.status !== 'preview') throw conflict('import.notPreview');
  // Grants may have changed since the upload.
  const org = await importableOrg(db, actor, batch.org_id);
  if (!(await repo.claimBatch(db, id, 'preview', 'importing'))) throw conflict('import.notPreview');
  const rows = JSON.parse(await repo.batchRows(db, id)) as RosterRow[];
  progress.set(id, 0);
  try {
    await db.transaction().execute(async (tx) => {
      await writeRoster(tx, ctx, org, rows, {
        fileName: batch.file_name,
        batchId: id,
        onProgress: (n) => {
          progress.set(id, n);
        },
      });
      // The people are in persons now; the batch keeps no second copy of their contacts.
      await repo.updateBatch(tx, id, { status: 'done', processed_rows: rows.length, rows: '[]', finished_at: nowIso() });
    });
  } catch (err) {
    if (err instanceof StaleRoster) {
      // Someone took these numbers meanwhile: the batch now shows why, and stays unconfirmable.
      await repo.updateBatch(db, id, { status: 'preview', processed_rows: 0, errors: JSON.stringify(err.faults) });
      throw new AppError(422, 'invalid', 'import.hasErrors', { count: err.faults.length });
    }
    await repo.updateBatch(db, id, { status: 'failed', processed_rows: 0, finished_at: nowIso() });
    throw err;
  } finally {
    progress.delete(id);
  }
  return present((await repo.findBatch(db, id))!, ctx.locale);
}
