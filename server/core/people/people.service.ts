/**
 * People: list, read, create, change, archive, count and export, each within the caller's
 * reach. Reads of unmasked contacts and every write are audited.
 */
import type { Db, Tx } from '../db/database.js';
import type { PersonTable } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { diff, recordAudit } from '../audit/audit.js';
import type { CallContext } from '../context.js';
import type { Actor } from '../rbac/actor.js';
import { findOrg } from '../org/org.repository.js';
import { EMPLOYMENT_CATEGORIES, PERSON_KINDS } from '../../../common/enums.js';
import {
  idNumberBirthDate,
  idNumberGender,
  maskIdNumber,
  maskPhone,
  type CreatePersonBody,
  type PeopleFilter,
  type PeopleListQuery,
  type UpdatePersonBody,
} from '../../../common/schemas/people.js';
import { canCall, canManage, canSee, contactScope, fullVisibility, listPrefixes, listVisibility, orgVisible, readScope } from './people.policy.js';
import { exportColumns, presentItem, presentPerson, revealedFields, type ExportItem } from './people.present.js';
import type { ListExport } from '../excel/export.js';
import * as repo from './people.repository.js';
import './people.messages.js';
import { namesAlong } from './org-names.js';

export const EXPORT_CAP = 50_000;

async function listSpec(db: Db, actor: Actor, filter: PeopleFilter): Promise<repo.ListSpec> {
  let orgPath: string | undefined;
  if (filter.orgId) {
    const org = await findOrg(db, filter.orgId);
    if (!org) throw notFound();
    orgPath = org.path;
  }
  const prefixes = listPrefixes(readScope(actor), orgPath);
  if (prefixes === undefined) throw notFound();
  return { prefixes, filter, contactScope: contactScope(actor) };
}

export async function list(db: Db, actor: Actor, query: PeopleListQuery) {
  const spec = await listSpec(db, actor, query);
  const { rows, total, totalCapped, nextCursor } = await repo.listPage(db, { ...spec, sort: query.sort ?? 'name', order: query.order, page: query });
  return { page: query.page, pageSize: query.pageSize, total, totalCapped, nextCursor, items: rows.map((r) => presentItem(r, listVisibility(actor))) };
}

async function loadVisible(db: Tx, actor: Actor, id: string) {
  const row = await repo.findWithOrg(db, id);
  if (!row || !canSee(actor, row.org_path)) throw notFound();
  return row;
}

export async function get(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const row = await loadVisible(db, actor, id);
  const vis = fullVisibility(actor);
  const fields = revealedFields(row, vis);
  if (fields.length) {
    await db
      .transaction()
      .execute((tx) =>
        recordAudit(tx, ctx, { action: 'person.readSensitive', entityType: 'person', entityId: row.id, orgId: row.org_id, changes: { fields } }),
      );
  }
  return presentPerson(row, vis);
}

/**
 * Tap-to-call: the one phone number of one person, for a teacher who sees it masked
 * everywhere else. Each reveal is audited, also for roles that could read it anyway.
 */
export async function revealPhone(db: Db, ctx: CallContext, actor: Actor, id: string) {
  const row = await loadVisible(db, actor, id);
  if (!canCall(actor, row.org_path)) throw forbidden();
  if (row.phone) {
    await db
      .transaction()
      .execute((tx) =>
        recordAudit(tx, ctx, { action: 'person.phoneRevealed', entityType: 'person', entityId: row.id, orgId: row.org_id, changes: { fields: ['phone'] } }),
      );
  }
  return { phone: row.phone };
}

/** Employee numbers are unique among the active people of one top-level organisation. */
const rootPrefix = (path: string) => `/${path.split('/')[1]}/`;

async function assertEmployeeNoFree(tx: Tx, orgPath: string, employeeNo: string | null | undefined, exceptId?: string) {
  if (!employeeNo) return;
  const taken = await repo.takenEmployeeNos(tx, rootPrefix(orgPath), [employeeNo], exceptId);
  if (taken.size)
    throw new AppError(409, 'conflict', 'people.duplicateEmployeeNo', { employeeNo }, [
      { field: 'body.employeeNo', message: 'people.duplicateEmployeeNo', params: { employeeNo } },
    ]);
}

/** The org a write targets: unknown or unseen → 404; seen but not managed → 403. */
async function manageableOrg(tx: Tx, actor: Actor, orgId: string) {
  const org = await findOrg(tx, orgId);
  if (!org || !orgVisible(actor, org.path)) throw notFound();
  if (!canManage(actor, org.path)) throw forbidden();
  return org;
}

/** Audit diffs never carry full contacts: the log is read by more people than the roster. */
function auditSafe(changes: Record<string, [unknown, unknown]>) {
  const out: Record<string, unknown> = { ...changes };
  if (changes.phone) out.phone = changes.phone.map((v) => maskPhone(v as string | null));
  if (changes.id_number) out.id_number = changes.id_number.map((v) => maskIdNumber(v as string | null));
  return out;
}

function columnsOf(body: Partial<CreatePersonBody>): Partial<PersonTable> {
  const cols: Partial<PersonTable> = {
    kind: body.kind,
    name: body.name,
    gender: body.gender,
    employee_no: body.employeeNo === undefined ? undefined : body.employeeNo || null,
    employment_category: body.employmentCategory,
    position: body.position === undefined ? undefined : body.position || null,
    union_member: body.unionMember === undefined ? undefined : body.unionMember ? 1 : 0,
    phone: body.phone,
    id_number: body.idNumber,
    birth_date: body.birthDate,
    subject: body.subject === undefined ? undefined : body.subject || null,
  };
  // The identity number carries birth date and sex; fill them when the form left them out.
  if (body.idNumber) {
    if (body.birthDate == null) cols.birth_date = idNumberBirthDate(body.idNumber);
    if (body.gender == null) cols.gender = idNumberGender(body.idNumber);
  }
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

export async function create(db: Db, ctx: CallContext, actor: Actor, body: CreatePersonBody) {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const org = await manageableOrg(tx, actor, body.orgId);
    await assertEmployeeNoFree(tx, org.path, body.employeeNo);
    const now = nowIso();
    const row: repo.NewPerson = {
      id,
      org_id: org.id,
      org_path: org.path,
      kind: body.kind,
      name: body.name,
      ...repo.BLANK_PERSON,
      ...columnsOf(body),
      created_at: now,
      updated_at: now,
    };
    await repo.insertPerson(tx, row);
    const written = Object.entries({ org_id: org.id, ...columnsOf(body) }).filter(([, v]) => v != null);
    await recordAudit(tx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      orgId: org.id,
      changes: auditSafe(Object.fromEntries(written.map(([k, v]) => [k, [null, v] as [unknown, unknown]]))),
    });
  });
  return presentPerson((await repo.findWithOrg(db, id))!, fullVisibility(actor));
}

export async function update(db: Db, ctx: CallContext, actor: Actor, id: string, body: UpdatePersonBody) {
  await db.transaction().execute(async (tx) => {
    const before = await loadVisible(tx, actor, id);
    if (!canManage(actor, before.org_path)) throw forbidden();
    const patch = columnsOf(body);
    let orgPath = before.org_path;
    if (body.orgId !== undefined && body.orgId !== before.org_id) {
      // Moving someone takes the right to manage both where they leave and where they arrive.
      const target = await manageableOrg(tx, actor, body.orgId);
      patch.org_id = target.id;
      orgPath = target.path;
    }
    const changes = diff(before as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return;
    const employeeNo = 'employee_no' in patch ? patch.employee_no : before.employee_no;
    if (changes.employee_no || changes.org_id) await assertEmployeeNoFree(tx, orgPath, employeeNo, id);
    await repo.updatePerson(tx, id, { ...patch, updated_at: nowIso() });
    await recordAudit(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      orgId: patch.org_id ?? before.org_id,
      changes: auditSafe(changes),
    });
  });
  return presentPerson((await repo.findWithOrg(db, id))!, fullVisibility(actor));
}

export async function archive(db: Db, ctx: CallContext, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const row = await loadVisible(tx, actor, id);
    if (!canManage(actor, row.org_path)) throw forbidden();
    if (row.archived === 1) return;
    await repo.updatePerson(tx, id, { archived: 1, updated_at: nowIso() });
    await recordAudit(tx, ctx, { action: 'person.archive', entityType: 'person', entityId: id, orgId: row.org_id, changes: { archived: [0, 1] } });
  });
  return presentPerson((await repo.findWithOrg(db, id))!, fullVisibility(actor));
}

export async function stats(db: Db, actor: Actor, orgId?: string) {
  const spec = await listSpec(db, actor, { orgId });
  const [byCategory, byKind] = await Promise.all([repo.countBy(db, spec.prefixes, 'employment_category'), repo.countBy(db, spec.prefixes, 'kind')]);
  const rank = (list: readonly string[], key: string | null) => (key === null ? list.length + 1 : list.indexOf(key) < 0 ? list.length : list.indexOf(key));
  return {
    total: byKind.reduce((s, r) => s + r.n, 0),
    byCategory: byCategory
      .sort((a, b) => rank(EMPLOYMENT_CATEGORIES, a.key) - rank(EMPLOYMENT_CATEGORIES, b.key))
      .map((r) => ({ category: r.key, count: r.n })),
    byKind: byKind.sort((a, b) => rank(PERSON_KINDS, a.key) - rank(PERSON_KINDS, b.key)).map((r) => ({ kind: r.key ?? '', count: r.n })),
  };
}

/** The filtered list as it would page, capped; unmasked phones and identity numbers in it are audited. */
/** The roster list's filters and order as an export declaration (core `sendXlsx` writes .xlsx or .csv), up to EXPORT_CAP rows. */
export async function exportList(
  db: Db,
  ctx: CallContext,
  actor: Actor,
  query: Omit<PeopleListQuery, 'page' | 'pageSize'>,
  now = new Date(),
): Promise<ListExport<ExportItem>> {
  const spec = await listSpec(db, actor, query);
  // null: every org; an empty list of prefixes: the caller may read no one, and is refused rather than sent a file of nothing.
  const readsAny = spec.prefixes === null || spec.prefixes.length > 0;
  const fileName = `人员名单-${now.toISOString().slice(0, 10).replace(/-/g, '')}`;
  if (!readsAny) return { fileName, sheet: '人员名单', columns: exportColumns, rows: [], readsAny };
  const rows = await repo.exportRows(db, { ...spec, sort: query.sort ?? 'name', order: query.order }, EXPORT_CAP);
  const vis = fullVisibility(actor);
  const shown = rows.map((r) => revealedFields(r, vis));
  const unmasked = shown.filter((f) => f.length > 0).length;
  if (unmasked > 0) {
    const { orgId, kind, category, unionMember, archived, q } = query;
    const idNumbers = shown.filter((f) => f.includes('idNumber')).length;
    await db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'person.export',
        entityType: 'person',
        orgId: orgId ?? null,
        changes: { rows: rows.length, unmasked, idNumbers, filter: { orgId, kind, category, unionMember, archived, q } },
      }),
    );
  }
  const names = await namesAlong(
    db,
    rows.map((r) => r.org_path),
  );
  return {
    fileName,
    sheet: '人员名单',
    columns: exportColumns,
    rows: rows.map((r) => ({ ...presentItem(r, vis), orgNames: names.get(r.org_path)!.join('/') })),
    readsAny,
    truncated: rows.length >= EXPORT_CAP,
  };
}
