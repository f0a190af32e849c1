/**
 * The work report's actions: the cross-practice dashboard, thresholds, and a report's life —
 * queued, generated (figures frozen once), narrative edited, issued as numbered versions.
 * Checks run in the project's order: not visible → 404, not allowed → 403, state → 409.
 */
import type { Tx } from '../../core/db/database.js';
import type { Call, WriteCall } from '../../core/call.js';
import { inScope, scopeOf, type Actor } from '../../core/rbac/actor.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../../core/audit/audit.js';
import { newId } from '../../core/ids.js';
import { indicator } from '../../core/indicators/indicators.registry.js';
import { notableCaseSources } from '../../core/indicators/notableCases.js';
import type { NotableCase } from '../../../common/notableCase.js';
import type {
  CreateReportBody,
  Dashboard,
  FigureRecords,
  Narrative,
  Report,
  ReportSummary,
  SnapshotFigure,
  Threshold,
} from '../../../common/schemas/workReport.js';
import { MAX_PERIOD_DAYS, WORK_REPORT_PERMISSIONS as P, type PeriodKind, type ReportStatus } from '../../../common/workReport.js';
import * as repo from './workReport.repository.js';
import { loadRecords, type Part } from './workReport.records.js';
import { byModule, dashboardGroups, type OrgRef } from './workReport.figures.js';
import { WM } from './workReport.messages.js';

/** The org named by a query or body, if the caller holds `permission` over it. */
async function orgFor(db: Tx, actor: Actor, orgId: string, permission: string): Promise<OrgRef> {
  const org = await repo.findOrg(db, orgId);
  if (!org || !inScope(scopeOf(actor, P.read), org.path)) throw notFound();
  if (!inScope(scopeOf(actor, permission), org.path)) throw forbidden();
  return org;
}

function checkPeriod(from: string, to: string, field = 'to') {
  if (to < from) throw invalid(field, WM['workReport.periodOrder']);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) throw invalid(field, WM['workReport.periodTooLong'], { days: MAX_PERIOD_DAYS });
}

export async function dashboard(call: Call, q: { orgId: string; from: string; to: string }): Promise<Dashboard> {
  const org = await orgFor(call.db, call.actor, q.orgId, P.read);
  checkPeriod(q.from, q.to, 'query.to');
  const thresholds = new Map((await repo.thresholdsOf(call.db, org.id)).map((t) => [t.indicator, t as Threshold]));
  const { previous, groups } = await dashboardGroups(call.db, org, q.from, q.to, thresholds, call.now);
  return { org: { id: org.id, name: org.name }, from: q.from, to: q.to, previous, groups };
}

export async function thresholds(call: Call, orgId: string) {
  const org = await orgFor(call.db, call.actor, orgId, P.read);
  return { orgId: org.id, items: (await repo.thresholdsOf(call.db, org.id)) as Threshold[] };
}

export async function putThresholds(call: WriteCall, body: { orgId: string; items: Threshold[] }) {
  const org = await orgFor(call.tx, call.actor, body.orgId, P.write);
  const seen = new Set<string>();
  body.items.forEach((t, i) => {
    const ind = indicator(t.indicator);
    if (!ind) throw invalid(`body.items.${i}.indicator`, WM['workReport.unknownIndicator']);
    if (seen.has(t.indicator)) throw invalid(`body.items.${i}.indicator`, WM['workReport.duplicateIndicator']);
    seen.add(t.indicator);
    if (ind.unit === 'rate' && t.value > 1) throw invalid(`body.items.${i}.value`, WM['workReport.rateThreshold']);
  });
  await repo.replaceThresholds(call.tx, org.id, body.items, call.iso);
  await recordAudit(call.tx, call.ctx, { action: 'workReport.thresholds', entityType: 'org', entityId: org.id, orgId: org.id, changes: { items: body.items } });
  return { orgId: org.id, items: (await repo.thresholdsOf(call.tx, org.id)) as Threshold[] };
}

function checkKind(kind: PeriodKind, from: string, to: string) {
  checkPeriod(from, to, 'body.to');
  const y = from.slice(0, 4);
  if (kind === 'year' && !(from === `${y}-01-01` && to === `${y}-12-31`)) throw invalid('body.from', WM['workReport.yearPeriod']);
  if (kind === 'halfYear' && !((from === `${y}-01-01` && to === `${y}-06-30`) || (from === `${y}-07-01` && to === `${y}-12-31`)))
    throw invalid('body.from', WM['workReport.halfYearPeriod']);
}

export function defaultTitle(orgName: string, kind: PeriodKind, from: string, to: string): string {
  const y = from.slice(0, 4);
  if (kind === 'year') return `${orgName}${y}年度工作总结`;
  if (kind === 'halfYear') return `${orgName}${y}年${from.slice(5, 7) === '01' ? '上' : '下'}半年工作总结`;
  return `${orgName}工作总结（${from}至${to}）`;
}

/** Queues a report; the caller starts its generation once this transaction has committed. */
export async function create(call: WriteCall, body: CreateReportBody): Promise<ReportSummary> {
  const org = await orgFor(call.tx, call.actor, body.orgId, P.write);
  checkKind(body.kind, body.from, body.to);
  const id = newId();
  const title = body.title?.trim() || defaultTitle(org.name, body.kind, body.from, body.to);
  const narrative: Narrative = { summary: '', sections: {}, plan: '' };
  await repo.insertReport(call.tx, {
    id,
    org_id: org.id,
    org_path: org.path,
    kind: body.kind,
    from_date: body.from,
    to_date: body.to,
    title,
    status: 'queued',
    progress: 0,
    version: 0,
    figures: null,
    narrative: JSON.stringify(narrative),
    created_by: call.actor.accountId,
    created_by_name: call.actor.displayName,
    created_at: call.iso,
    updated_at: call.iso,
    generated_at: null,
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'workReport.create',
    entityType: 'workReport',
    entityId: id,
    orgId: org.id,
    changes: { kind: body.kind, from: body.from, to: body.to },
  });
  return summaryOf((await repo.findReport(call.tx, id))!);
}

function summaryOf(r: repo.ReportRow): ReportSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind as PeriodKind,
    from: r.from_date,
    to: r.to_date,
    title: r.title,
    status: r.status as ReportStatus,
    progress: r.progress,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function list(
  call: Call,
  q: { orgId?: string; status?: ReportStatus; page: number; pageSize: number; sort?: 'createdAt' | 'from'; order: 'asc' | 'desc' },
) {
  const scope = scopeOf(call.actor, P.read);
  let orgPath: string | undefined;
  if (q.orgId) orgPath = (await orgFor(call.db, call.actor, q.orgId, P.read)).path;
  const { rows, total } = await repo.listReports(
    call.db,
    scope,
    { orgPath, status: q.status },
    {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      sort: q.sort === 'from' ? 'from_date' : 'created_at',
      order: q.sort ? q.order : 'desc',
    },
  );
  return { items: rows.map(summaryOf), total, page: q.page, pageSize: q.pageSize };
}

async function load(db: Tx, actor: Actor, id: string, permission: string): Promise<repo.ReportRow> {
  const r = await repo.findReport(db, id);
  if (!r || !inScope(scopeOf(actor, P.read), r.org_path)) throw notFound();
  if (!inScope(scopeOf(actor, permission), r.org_path)) throw forbidden();
  return r;
}

export const figuresOf = (r: repo.ReportRow): SnapshotFigure[] => (r.figures ? JSON.parse(r.figures) : []);

async function present(db: Tx, r: repo.ReportRow): Promise<Report> {
  const versions = await repo.versionsOf(db, r.id);
  return {
    ...summaryOf(r),
    createdBy: r.created_by_name,
    generatedAt: r.generated_at,
    figures: figuresOf(r),
    narrative: JSON.parse(r.narrative),
    versions: versions.map((v) => ({ version: v.version, issuedAt: v.issued_at, issuedBy: v.issued_by_name })),
  };
}

export async function get(call: Call, id: string): Promise<Report> {
  return present(call.db, await load(call.db, call.actor, id, P.read));
}

/** The report as issued in `version`, or as it stands now; for the downloads. */
export async function forFile(call: Call, id: string, version?: number): Promise<Report> {
  const r = await load(call.db, call.actor, id, P.read);
  if (!r.figures) throw conflict(WM['workReport.notReady']);
  const report = await present(call.db, r);
  if (version === undefined) return report;
  const v = (await repo.versionsOf(call.db, id)).find((x) => x.version === version);
  if (!v) throw new AppError(404, 'not_found', WM['workReport.noVersion'], {}, [{ field: 'query.version', message: WM['workReport.noVersion'] }]);
  return { ...report, narrative: JSON.parse(v.narrative), status: 'issued', version };
}

/**
 * The records a figure counted at generation, a page of their ids: kept in the snapshot, so they
 * stay the same when a record changes later. Shown only to a viewer who may open the live list
 * behind the figure (its `recordsPermission` over the report's org); others see the count alone.
 */
export async function figureRecords(call: Call, id: string, q: { ref: string; part: Part; page: number; pageSize: number }): Promise<FigureRecords> {
  const r = await load(call.db, call.actor, id, P.read);
  if (!r.figures) throw conflict(WM['workReport.notReady']);
  const f = figuresOf(r).find((x) => x.ref === q.ref);
  if (!f) throw invalid('query.ref', WM['workReport.unknownFigure']);
  const permission = indicator(f.key)?.recordsPermission;
  const visible = !!permission && inScope(scopeOf(call.actor, permission), r.org_path);
  const ids = visible ? await loadRecords(call.db, r.id, f.module, f.ref, q.part) : null;
  const start = (q.page - 1) * q.pageSize;
  return {
    ref: f.ref,
    part: q.part,
    count: q.part === 'numerator' ? f.numerator : f.denominator,
    kept: ids !== null || (!visible && !!indicator(f.key)?.records),
    visible,
    total: ids?.length ?? null,
    page: q.page,
    pageSize: q.pageSize,
    items: ids?.slice(start, start + q.pageSize) ?? [],
    recordPage: indicator(f.key)?.recordPage ?? null,
  };
}

/** Every module's notable cases over the report's org and period, for the author to pick from (practices with a section only). */
async function suggestionsFor(db: Tx, r: repo.ReportRow): Promise<Map<string, NotableCase[]>> {
  const modules = new Set(figuresOf(r).map((f) => f.module));
  const q = { scope: { all: false, paths: [r.org_path] }, from: r.from_date, to: r.to_date };
  const out = new Map<string, NotableCase[]>();
  for (const s of notableCaseSources()) if (modules.has(s.module)) out.set(s.module, await s.suggest(db, q));
  return out;
}

export async function notableCases(call: Call, id: string): Promise<{ items: { module: string; cases: NotableCase[] }[] }> {
  const r = await load(call.db, call.actor, id, P.write);
  if (!r.figures) throw conflict(WM['workReport.notReady']);
  return { items: [...(await suggestionsFor(call.db, r))].map(([module, cases]) => ({ module, cases })) };
}

/**
 * The picked cases as their module words them now: a case is picked by its key, so a report
 * prints only what a module suggested (de-identified there), never text sent as a case.
 */
async function resolveCases(db: Tx, r: repo.ReportRow, picked: NonNullable<Narrative['cases']>): Promise<Narrative['cases']> {
  const entries = Object.entries(picked).filter(([, list]) => list.length);
  if (!entries.length) return undefined;
  const suggested = await suggestionsFor(db, r);
  const keep = (JSON.parse(r.narrative) as Narrative).cases ?? {};
  const out: NonNullable<Narrative['cases']> = {};
  for (const [module, list] of entries) {
    out[module] = list.map((c, i) => {
      // A case picked before stays as it was worded then, even once it no longer ranks among the suggestions.
      const found = suggested.get(module)?.find((s) => s.key === c.key) ?? keep[module]?.find((s) => s.key === c.key);
      if (!found) throw invalid(`body.cases.${module}.${i}`, WM['workReport.unknownCase']);
      return found;
    });
  }
  return out;
}

/** Edits the words; the figures stay as generated. Editing an issued report opens the next version's draft. */
export async function putNarrative(call: WriteCall, id: string, body: Narrative): Promise<Report> {
  const r = await load(call.tx, call.actor, id, P.write);
  if (r.status !== 'draft' && r.status !== 'issued') throw conflict(WM['workReport.notReady']);
  const modules = new Set(figuresOf(r).map((f) => f.module));
  for (const key of Object.keys(body.sections)) if (!modules.has(key)) throw invalid(`body.sections.${key}`, WM['workReport.unknownSection']);
  for (const key of Object.keys(body.cases ?? {})) if (!modules.has(key)) throw invalid(`body.cases.${key}`, WM['workReport.unknownSection']);
  const words = { summary: body.summary, sections: body.sections, plan: body.plan };
  const cases = await resolveCases(call.tx, r, body.cases ?? {});
  const narrative: Narrative = cases ? { ...words, cases } : words;
  if (!(await repo.moveReport(call.tx, id, ['draft', 'issued'], { narrative: JSON.stringify(narrative), status: 'draft', updated_at: call.iso })))
    throw conflict();
  await recordAudit(call.tx, call.ctx, {
    action: 'workReport.narrative',
    entityType: 'workReport',
    entityId: id,
    orgId: r.org_id,
    changes: { version: r.version + 1 },
  });
  return present(call.tx, (await repo.findReport(call.tx, id))!);
}

export async function issue(call: WriteCall, id: string): Promise<Report> {
  const r = await load(call.tx, call.actor, id, P.write);
  if (r.status !== 'draft') throw conflict(WM['workReport.notDraft']);
  const version = r.version + 1;
  if (!(await repo.moveReport(call.tx, id, ['draft'], { status: 'issued', version, updated_at: call.iso }))) throw conflict();
  await repo.insertVersion(call.tx, {
    report_id: id,
    version,
    narrative: r.narrative,
    issued_at: call.iso,
    issued_by: call.actor.accountId,
    issued_by_name: call.actor.displayName,
  });
  await recordAudit(call.tx, call.ctx, { action: 'workReport.issue', entityType: 'workReport', entityId: id, orgId: r.org_id, changes: { version } });
  return present(call.tx, (await repo.findReport(call.tx, id))!);
}

/** Sections in the order the registry lists modules, for a report's figures. */
export function sectionsOf(figures: SnapshotFigure[]) {
  const modules = byModule().map((g) => g.module);
  const present = [...new Set(figures.map((f) => f.module))];
  // A module that left the registry since generation keeps its section, after the others.
  present.sort((a, b) => (modules.indexOf(a) + 1 || 1e9) - (modules.indexOf(b) + 1 || 1e9));
  return present.map((module) => ({ module, figures: figures.filter((f) => f.module === module) }));
}
