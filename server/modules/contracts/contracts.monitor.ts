/**
 * Clause-by-clause monitoring (履约监督): checkpoints on the promise clauses of an effective
 * contract, their findings with evidence files, appeals citing a clause, and the board's
 * lights and health. A citation copies no author: the appeal's code, title and status only,
 * so an anonymous appellant stays unknown to everyone who reads the clause.
 */
import type { z } from 'zod';
import { AT_RISK_CITATIONS, AT_RISK_WINDOW_DAYS, type CheckpointStatus, type ClauseCategory, type ContractStatus } from '../../../common/contracts.js';
import type { DecidedItemStatus } from '../../../common/decidedItems.js';
import type { CheckpointBody, CheckResultBody } from '../../../common/schemas/contracts.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call, WriteCall } from '../../core/call.js';
import { addDays, shanghaiDate } from '../../core/calendar/calendar.js';
import { decidedItemsOfSources } from '../../core/decidedItems/index.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { claimFiles, filesOf, type FileRef } from '../../core/files/index.js';
import { newId } from '../../core/ids.js';
import { inScope, scopeOf } from '../../core/rbac/actor.js';
import { recordEvent } from '../../core/workflow/index.js';
import { groupAlertsOfAppeals } from '../appeals/index.js';
import { CM } from './contracts.messages.js';
import { assertManager, assertOverseer } from './contracts.policy.js';
import { CONTRACT_KIND_EVENT, loadContract } from './contracts.service.js';
import { cq, type ContractTable } from './contracts.tables.js';

export const CHECKPOINT_FILE_KIND = 'contracts.checkpoint';
const MONITORED = ['effective', 'published'];

async function loadClause(call: Call, tx: Tx, clauseId: string) {
  const cl = await cq(tx).selectFrom('contract_clauses').selectAll().where('id', '=', clauseId).executeTakeFirst();
  if (!cl) throw notFound();
  const { c, rel } = await loadContract(call, tx, cl.contract_id);
  assertOverseer(rel);
  return { cl, c, rel };
}

export async function addCheckpoint(call: WriteCall, clauseId: string, body: z.infer<typeof CheckpointBody>) {
  const { cl, c, rel } = await loadClause(call, call.tx, clauseId);
  assertManager(rel);
  if (!MONITORED.includes(c.status) || cl.version !== c.current_version)
    throw new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'status', message: CM['contracts.notMonitored'] }]);
  if (!cl.promise) throw invalid('clauseId', CM['contracts.notPromise']);
  if (body.dueDate < c.starts_on! || body.dueDate > c.ends_on!) throw invalid('dueDate', CM['contracts.checkpointDate']);
  const id = newId();
  await cq(call.tx)
    .insertInto('contract_checkpoints')
    .values({
      id,
      clause_id: cl.id,
      contract_id: c.id,
      due_date: body.dueDate,
      method: body.method,
      evidence_required: body.evidenceRequired,
      status: 'notDue',
      finding: null,
      checked_date: null,
      checked_by: null,
      created_at: call.iso,
      updated_at: call.iso,
    })
    .execute();
  await recordEvent(call, { kind: CONTRACT_KIND_EVENT, id: c.id, event: 'checkpoint', data: { clause: cl.number, dueDate: body.dueDate } });
  return { id };
}

/** One evidence file of a checkpoint, to whoever reads the clause's monitoring; each opening is audited. */
export async function evidenceFile(call: WriteCall, checkpointId: string, fileId: string): Promise<FileRef> {
  const cp = await cq(call.tx).selectFrom('contract_checkpoints').select(['id', 'clause_id']).where('id', '=', checkpointId).executeTakeFirst();
  if (!cp) throw notFound();
  const { c, rel } = await loadClause(call, call.tx, cp.clause_id);
  assertOverseer(rel);
  // Read in the call's transaction: on SQLite a second connection would wait for this one.
  const file = (await filesOf(call.tx, { kind: CHECKPOINT_FILE_KIND, id: cp.id })).find((f) => f.id === fileId);
  if (!file) throw notFound();
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.evidenceOpen',
    entityType: 'contractCheckpoint',
    entityId: cp.id,
    orgId: c.org_id,
    changes: { fileId, name: file.name },
  });
  return file;
}

/** The finding of one checkpoint (履约检查), with its evidence; a later check may revise it. */
export async function recordCheck(call: WriteCall, checkpointId: string, body: z.infer<typeof CheckResultBody>) {
  const cp = await cq(call.tx).selectFrom('contract_checkpoints').selectAll().where('id', '=', checkpointId).executeTakeFirst();
  if (!cp) throw notFound();
  const { c, rel } = await loadClause(call, call.tx, cp.clause_id);
  assertManager(rel);
  if (body.status === 'notDue') throw invalid('status', CM['contracts.checkNotDue']);
  if (body.status !== 'honoured' && !body.finding) throw invalid('finding', CM['contracts.findingMissing']);
  if (body.checkedDate > shanghaiDate(call.now)) throw invalid('checkedDate', CM['contracts.dateInFuture']);
  await claimFiles(call, body.fileIds, { kind: CHECKPOINT_FILE_KIND, id: cp.id });
  await cq(call.tx)
    .updateTable('contract_checkpoints')
    .set({ status: body.status, finding: body.finding || null, checked_date: body.checkedDate, checked_by: call.actor.accountId, updated_at: call.iso })
    .where('id', '=', cp.id)
    .execute();
  await refreshLastStatus(call.tx, [cp.clause_id]);
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.check',
    entityType: 'contractCheckpoint',
    entityId: cp.id,
    orgId: c.org_id,
    changes: { status: body.status, checkedDate: body.checkedDate, files: body.fileIds.length },
  });
  return { ok: true as const };
}

/**
 * Rewrites the clauses' stored last finding by the board's rule (the checked checkpoint latest by
 * due date, then id), which the clause list, the honoured-rate figure and its cuts filter on.
 */
export async function refreshLastStatus(db: Db | Tx, clauseIds: string[]): Promise<void> {
  for (let i = 0; i < clauseIds.length; i += 500) {
    await cq(db)
      .updateTable('contract_clauses')
      .set((eb) => ({
        last_status: eb
          .selectFrom('contract_checkpoints as cp')
          .select('cp.status')
          .whereRef('cp.clause_id', '=', 'contract_clauses.id')
          .where('cp.status', '!=', 'notDue')
          .orderBy('cp.due_date', 'desc')
          .orderBy('cp.id', 'desc')
          .limit(1),
      }))
      .where('id', 'in', clauseIds.slice(i, i + 500))
      .execute();
  }
}

/** Staff cite an appeal they can manage on a clause of the signed text. */
export async function cite(call: WriteCall, clauseId: string, appealId: string) {
  const { cl, c, rel } = await loadClause(call, call.tx, clauseId);
  assertManager(rel);
  if (cl.version !== c.current_version || !MONITORED.includes(c.status)) throw invalid('clauseId', CM['contracts.signedVersion']);
  const appeal = await cq(call.tx)
    .selectFrom('appeals as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.submitted_date', 'o.path'])
    .where('a.id', '=', appealId)
    .executeTakeFirst();
  if (!appeal || !inScope(scopeOf(call.actor, 'appeals.manage'), appeal.path)) throw invalid('appealId', CM['contracts.appealUnknown']);
  const twice = await cq(call.tx)
    .selectFrom('contract_clause_citations')
    .select('appeal_id')
    .where('clause_id', '=', cl.id)
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
  if (twice) throw invalid('appealId', CM['contracts.citedTwice']);
  await cq(call.tx)
    .insertInto('contract_clause_citations')
    .values({
      clause_id: cl.id,
      appeal_id: appealId,
      contract_id: c.id,
      appeal_date: appeal.submitted_date,
      cited_by: call.actor.accountId,
      cited_at: call.iso,
    })
    .execute();
  await recordAudit(call.tx, call.ctx, { action: 'contracts.cite', entityType: 'contractClause', entityId: cl.id, orgId: c.org_id, changes: { appealId } });
  return { ok: true as const };
}

export interface ClauseState {
  id: string;
  number: number;
  chapter: string;
  category: ClauseCategory;
  text: string;
  promise: boolean;
  ownerOrgId: string | null;
  ownerOrgName: string | null;
  decidedItem: { id: string; status: DecidedItemStatus; progress: number; dueDate: string } | null;
  checkpoints: number;
  lastCheck: { status: CheckpointStatus; checkedDate: string | null; dueDate: string; finding: string | null; id: string } | null;
  light: 'green' | 'yellow' | 'red' | null;
  citations: number;
  atRisk: boolean;
  /** Standing group alerts raised in the window whose member appeals cite the clause. */
  groupAlerts: number;
}

/** Every clause of the contract's current version with its monitoring state, in clause order. */
export async function clauseStates(db: Db | Tx, c: ContractTable, today: string): Promise<ClauseState[]> {
  const clauses = await cq(db)
    .selectFrom('contract_clauses as cl')
    .leftJoin('orgs as o', 'o.id', 'cl.owner_org_id')
    .select(['cl.id', 'cl.number', 'cl.chapter', 'cl.category', 'cl.text', 'cl.promise', 'cl.owner_org_id', 'o.name as owner_name'])
    .where('cl.contract_id', '=', c.id)
    .where('cl.version', '=', c.current_version)
    .orderBy('cl.number')
    .execute();
  const checkpoints = await cq(db)
    .selectFrom('contract_checkpoints')
    .select(['id', 'clause_id', 'due_date', 'status', 'checked_date', 'finding'])
    .where('contract_id', '=', c.id)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  const since = addDays(today, -AT_RISK_WINDOW_DAYS);
  const cites = await cq(db)
    .selectFrom('contract_clause_citations')
    .select(['clause_id', 'appeal_id', 'appeal_date'])
    .where('contract_id', '=', c.id)
    .execute();
  // A group alert still standing, raised in the window, whose member appeal cites a clause touches that clause.
  const alerted = new Map(
    (
      await groupAlertsOfAppeals(
        db,
        cites.map((r) => r.appeal_id),
        since,
      )
    ).map((r) => [r.appealId, r.alertId]),
  );
  const citeBy = new Map<string, { n: number; recent: number; alerts: Set<string> }>();
  for (const r of cites) {
    const v = citeBy.get(r.clause_id) ?? { n: 0, recent: 0, alerts: new Set<string>() };
    v.n += 1;
    if (r.appeal_date >= since) v.recent += 1;
    const alert = alerted.get(r.appeal_id);
    if (alert) v.alerts.add(alert);
    citeBy.set(r.clause_id, v);
  }
  const items = new Map(
    (
      await decidedItemsOfSources(
        db,
        'contracts.clause',
        clauses.filter((cl) => cl.promise).map((cl) => cl.id),
      )
    ).map((i) => [i.source.id, i]),
  );
  const byClause = new Map<string, typeof checkpoints>();
  for (const cp of checkpoints) byClause.set(cp.clause_id, [...(byClause.get(cp.clause_id) ?? []), cp]);
  return clauses.map((cl) => {
    const cps = byClause.get(cl.id) ?? [];
    const checked = cps.filter((cp) => cp.status !== 'notDue');
    const last = checked.at(-1) ?? null;
    const cite = citeBy.get(cl.id) ?? { n: 0, recent: 0, alerts: new Set<string>() };
    const atRisk = cite.recent >= AT_RISK_CITATIONS || cite.alerts.size > 0;
    const pastDueUnchecked = cps.some((cp) => cp.status === 'notDue' && cp.due_date < today);
    const light =
      last?.status === 'notHonoured' || atRisk
        ? 'red'
        : last?.status === 'partly' || pastDueUnchecked
          ? 'yellow'
          : last?.status === 'honoured'
            ? 'green'
            : null;
    const item = items.get(cl.id);
    return {
      id: cl.id,
      number: cl.number,
      chapter: cl.chapter,
      category: cl.category as ClauseCategory,
      text: cl.text,
      promise: !!cl.promise,
      ownerOrgId: cl.owner_org_id,
      ownerOrgName: cl.owner_name ?? null,
      decidedItem: item ? { id: item.id, status: item.status, progress: item.progress, dueDate: item.dueDate } : null,
      checkpoints: cps.length,
      lastCheck: last && {
        id: last.id,
        status: last.status as CheckpointStatus,
        checkedDate: last.checked_date,
        dueDate: last.due_date,
        finding: last.finding,
      },
      light,
      citations: cite.n,
      atRisk,
      groupAlerts: cite.alerts.size,
    };
  });
}

/** Contract health: of the clauses checked at least once, the share honoured at their last checkpoint. */
export function healthOf(states: ClauseState[]) {
  const checked = states.filter((s) => s.lastCheck);
  const honoured = checked.filter((s) => s.lastCheck!.status === 'honoured').length;
  return { value: checked.length ? honoured / checked.length : null, numerator: honoured, denominator: checked.length };
}

export async function board(call: Call, contractId: string) {
  const { c, rel } = await loadContract(call, call.db, contractId);
  assertOverseer(rel);
  const states = await clauseStates(call.db, c, shanghaiDate(call.now));
  return {
    contractId: c.id,
    title: c.title,
    status: c.status as ContractStatus,
    health: healthOf(states),
    clauses: states.map(({ lastCheck, ...s }) => ({
      ...s,
      lastCheck: lastCheck && { status: lastCheck.status, checkedDate: lastCheck.checkedDate, dueDate: lastCheck.dueDate },
    })),
  };
}

export async function clauseDetail(call: Call, clauseId: string) {
  const { cl, c } = await loadClause(call, call.db, clauseId);
  const states = await clauseStates(call.db, { ...c, current_version: cl.version }, shanghaiDate(call.now));
  const { lastCheck, ...state } = states.find((s) => s.id === cl.id)!;
  const cps = await cq(call.db).selectFrom('contract_checkpoints').selectAll().where('clause_id', '=', cl.id).orderBy('due_date').orderBy('id').execute();
  const checkpointList = await Promise.all(
    cps.map(async (cp) => ({
      id: cp.id,
      dueDate: cp.due_date,
      method: cp.method,
      evidenceRequired: cp.evidence_required,
      status: cp.status as CheckpointStatus,
      finding: cp.finding,
      checkedDate: cp.checked_date,
      files: (await filesOf(call.db, { kind: CHECKPOINT_FILE_KIND, id: cp.id })).map((f) => ({ id: f.id, name: f.name, type: f.type, size: f.size })),
    })),
  );
  // Code, title, status and date: never an author column, so an anonymous appeal stays anonymous here.
  const citingAppeals = await cq(call.db)
    .selectFrom('contract_clause_citations as x')
    .innerJoin('appeals as a', 'a.id', 'x.appeal_id')
    .select(['a.id', 'a.code', 'a.title', 'a.status', 'a.submitted_date', 'x.cited_at'])
    .where('x.clause_id', '=', cl.id)
    .orderBy('a.submitted_date', 'desc')
    .orderBy('a.id')
    .execute();
  return {
    ...state,
    contractId: c.id,
    lastCheck: lastCheck && { status: lastCheck.status, checkedDate: lastCheck.checkedDate, dueDate: lastCheck.dueDate },
    checkpointList,
    citingAppeals: citingAppeals.map((a) => ({
      appealId: a.id,
      code: a.code,
      title: a.title,
      status: a.status,
      submittedDate: a.submitted_date,
      citedAt: a.cited_at,
    })),
  };
}
