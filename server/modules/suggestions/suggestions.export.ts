/**
 * The suggestion list as .xlsx: the same query and the same visibility as the list page (a worker
 * exports their own, an evaluator those assigned, the union its subtree), page by page through
 * the list itself so the file can never hold a row the list would not show. The export is audited:
 * it carries workers' names.
 */
import type { FastifyReply } from 'fastify';
import { SUGGESTION_STATUS_LABELS } from '../../../common/suggestions.js';
import type { SuggestionListQuery, SuggestionSummary } from '../../../common/schemas/suggestions.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import { sendXlsx, type Column } from '../../core/excel/export.js';
import { list } from './suggestions.service.js';

const PAGE = 200;
/** 50 000 rows: a campaign's year at the largest deployment, and a bounded file. */
const MAX_PAGES = 250;

const COLUMNS: Column<SuggestionSummary>[] = [
  { header: '编号', type: 'text', width: 14, value: (r) => r.code },
  { header: '标题', width: 40, value: (r) => r.title },
  { header: '状态', width: 10, value: (r) => SUGGESTION_STATUS_LABELS[r.status].zh },
  { header: '建议人', width: 12, value: (r) => r.leadName },
  { header: '集体（班组）', width: 16, value: (r) => r.teamName },
  { header: '单位', width: 20, value: (r) => r.orgName },
  { header: '提交时间', width: 18, value: (r) => r.submittedAt },
  { header: '决定日期', width: 12, value: (r) => r.decidedOn },
  { header: '效益（元）', width: 12, value: (r) => r.benefit },
  { header: '奖励（元）', width: 12, value: (r) => r.reward },
];

export async function exportXlsx(db: Db, call: Call, q: SuggestionListQuery, reply: FastifyReply) {
  const first = await list(call, { ...q, page: 1, pageSize: PAGE });
  const rows = [...first.items];
  for (let p = 2; rows.length < first.total && p <= MAX_PAGES; p++) rows.push(...(await list(call, { ...q, page: p, pageSize: PAGE })).items);
  await db.transaction().execute((tx) => recordAudit(tx, call.ctx, { action: 'suggestion.export', entityType: 'suggestion', entityId: 'list', changes: { rows: rows.length } }));
  return sendXlsx(reply, '合理化建议.xlsx', '合理化建议', COLUMNS, rows);
}
