/**
 * 协商准备 Preparation for bargaining (lifecycle step 2): besides the negotiators (equal numbers,
 * one chief each side — `setNegotiators` in contracts.service.ts), the information each side
 * supplies (who, when, notes, files) and the union's surveys of workers' demands, linked from
 * the surveys module and shown with their answers and top concerns (or, without a survey, the
 * demands gathered otherwise, as an item of kind 'demands' with a file and notes).
 * Recorded from the reply until the draft goes to review; read by the contract's overseers.
 */
import type { z } from 'zod';
import { PREPARING_STATUSES, type ContractSide, type PrepItemKind } from '../../../common/contracts.js';
import type { PrepItemBody } from '../../../common/schemas/contracts.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call, WriteCall } from '../../core/call.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { claimFiles, DOCX, filesOf, IMAGE_AND_PDF, XLSX, type FileRef } from '../../core/files/index.js';
import { newId } from '../../core/ids.js';
import { recordEvent } from '../../core/workflow/index.js';
import { surveyDigest, surveyForLink } from '../surveys/index.js';
import { CM } from './contracts.messages.js';
import { assertManager, assertOverseer } from './contracts.policy.js';
import { CONTRACT_KIND_EVENT, loadContract } from './contracts.service.js';
import { cq, type ContractTable } from './contracts.tables.js';

export const PREP_FILE_KIND = 'contracts.prepItem';
/** Statements, wage tables, minutes: images, PDF, Word and Excel. */
const PREP_FILE_TYPES = [...IMAGE_AND_PDF, DOCX, XLSX];

function assertPreparing(c: ContractTable) {
  if (!(PREPARING_STATUSES as readonly string[]).includes(c.status))
    throw new AppError(409, 'conflict', 'error.conflict', {}, [{ field: 'status', message: CM['contracts.preparationClosed'] }]);
}

export async function addPrepItem(call: WriteCall, contractId: string, body: z.infer<typeof PrepItemBody>) {
  const { c, rel } = await loadContract(call, call.tx, contractId);
  assertManager(rel);
  assertPreparing(c);
  if (body.suppliedDate < c.request_date) throw invalid('suppliedDate', CM['contracts.suppliedBeforeRequest']);
  if (body.suppliedDate > shanghaiDate(call.now)) throw invalid('suppliedDate', CM['contracts.dateInFuture']);
  const id = newId();
  await cq(call.tx)
    .insertInto('contract_prep_items')
    .values({
      id,
      contract_id: c.id,
      side: body.side,
      kind: body.kind,
      title: body.title,
      note: body.note || null,
      supplied_by: body.suppliedBy,
      supplied_date: body.suppliedDate,
      created_by: call.actor.accountId,
      created_at: call.iso,
    })
    .execute();
  await claimFiles(call, body.fileIds, { kind: PREP_FILE_KIND, id }, { types: PREP_FILE_TYPES });
  await recordEvent(call, {
    kind: CONTRACT_KIND_EVENT,
    id: c.id,
    event: 'prepared',
    data: { side: body.side, kind: body.kind, title: body.title, files: body.fileIds.length },
  });
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.prepare',
    entityType: 'contract',
    entityId: c.id,
    orgId: c.org_id,
    changes: { side: body.side, kind: body.kind, title: body.title, files: body.fileIds.length },
  });
  return { id };
}

/**
 * Links a survey the caller's office runs, of the contract's org or an org above or inside it,
 * opened (or closed) so that it has answers. Only the id is kept: the figures are read live.
 */
export async function linkSurvey(call: WriteCall, contractId: string, surveyId: string) {
  const { c, rel } = await loadContract(call, call.tx, contractId);
  assertManager(rel);
  assertPreparing(c);
  const s = await surveyForLink(call.tx, call, surveyId).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) throw invalid('surveyId', CM['contracts.surveyUnknown']);
    throw e;
  });
  if (!s.orgPath.startsWith(c.org_path) && !c.org_path.startsWith(s.orgPath)) throw invalid('surveyId', CM['contracts.surveyUnknown']);
  if (s.status === 'draft') throw invalid('surveyId', CM['contracts.surveyDraft']);
  const twice = await cq(call.tx)
    .selectFrom('contract_surveys')
    .select('survey_id')
    .where('contract_id', '=', c.id)
    .where('survey_id', '=', s.id)
    .executeTakeFirst();
  if (twice) throw invalid('surveyId', CM['contracts.surveyLinkedTwice']);
  await cq(call.tx)
    .insertInto('contract_surveys')
    .values({ contract_id: c.id, survey_id: s.id, linked_by: call.actor.accountId, linked_at: call.iso })
    .execute();
  await recordEvent(call, { kind: CONTRACT_KIND_EVENT, id: c.id, event: 'surveyLinked', data: { surveyId: s.id, title: s.title } });
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.linkSurvey',
    entityType: 'contract',
    entityId: c.id,
    orgId: c.org_id,
    changes: { surveyId: s.id },
  });
  return { ok: true as const };
}

export async function preparation(call: Call, contractId: string) {
  const { c, rel } = await loadContract(call, call.db, contractId);
  assertOverseer(rel);
  const sides = await cq(call.db).selectFrom('contract_negotiators').select(['side', 'chief']).where('contract_id', '=', c.id).execute();
  const count = (s: ContractSide) => sides.filter((n) => n.side === s).length;
  const chiefs = (s: ContractSide) => sides.filter((n) => n.side === s && n.chief).length;
  const items = await cq(call.db)
    .selectFrom('contract_prep_items as p')
    .leftJoin('accounts as a', 'a.id', 'p.created_by')
    .select(['p.id', 'p.side', 'p.kind', 'p.title', 'p.note', 'p.supplied_by', 'p.supplied_date', 'a.display_name'])
    .where('p.contract_id', '=', c.id)
    .orderBy('p.supplied_date')
    .orderBy('p.id')
    .execute();
  const linked = await cq(call.db)
    .selectFrom('contract_surveys')
    .select(['survey_id', 'linked_at'])
    .where('contract_id', '=', c.id)
    .orderBy('linked_at')
    .execute();
  const surveys = await Promise.all(
    linked.map(async (l) => {
      // The survey's own reach decides: a reader who may not read its results sees the link without figures.
      const d = await surveyDigest(call, l.survey_id).catch((e: unknown) => {
        if (e instanceof AppError && e.status === 404) return null;
        throw e;
      });
      return {
        surveyId: l.survey_id,
        linkedAt: l.linked_at,
        digest: d && {
          title: d.title,
          status: d.status,
          anonymous: d.anonymous,
          recipients: d.recipients,
          respondents: d.respondents,
          suppressed: d.suppressed,
          topConcerns: d.topConcerns,
        },
      };
    }),
  );
  return {
    contractId: c.id,
    negotiators: {
      union: count('union'),
      employer: count('employer'),
      balanced: count('union') > 0 && count('union') === count('employer') && chiefs('union') === 1 && chiefs('employer') === 1,
    },
    items: await Promise.all(
      items.map(async (p) => ({
        id: p.id,
        side: p.side as ContractSide,
        kind: p.kind as PrepItemKind,
        title: p.title,
        note: p.note,
        suppliedBy: p.supplied_by,
        suppliedDate: p.supplied_date,
        recordedBy: p.display_name ?? null,
        files: (await filesOf(call.db, { kind: PREP_FILE_KIND, id: p.id })).map((f) => ({ id: f.id, name: f.name, type: f.type, size: f.size })),
      })),
    ),
    surveys,
    open: (PREPARING_STATUSES as readonly string[]).includes(c.status),
  };
}

/** One file of a preparation item, to the contract's overseers; each opening is audited. */
export async function prepFile(call: WriteCall, itemId: string, fileId: string): Promise<FileRef> {
  const item = await cq(call.tx).selectFrom('contract_prep_items').select(['id', 'contract_id']).where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound();
  const { c, rel } = await loadContract(call, call.tx, item.contract_id);
  assertOverseer(rel);
  const file = (await filesOf(call.tx, { kind: PREP_FILE_KIND, id: item.id })).find((f) => f.id === fileId);
  if (!file) throw notFound();
  await recordAudit(call.tx, call.ctx, {
    action: 'contracts.prepFileOpen',
    entityType: 'contractPrepItem',
    entityId: item.id,
    orgId: c.org_id,
    changes: { fileId, name: file.name },
  });
  return file;
}
