/**
 * The suggestion list as an export declaration (core `sendXlsx` writes the .xlsx): the same query and the same visibility as the list page (a worker
 * exports their own, an evaluator those assigned, the union its subtree), page by page through
 * the list itself so the file can never hold a row the list would not show. The export is audited:
 * it carries workers' names.
 */
import { SUGGESTION_STATUS_LABELS } from '../../../common/suggestions.js';
import type { SuggestionListQuery, SuggestionSummary } from '../../../common/schemas/suggestions.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Call } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import type { Column, ListExport } from '../../core/excel/export.js';
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

/**
 * Walks the list by cursor (page numbers stop at the list's 2 000 counted rows): by submission time as the
 * list sorts it by default, or in the query's order when it sorts by submission; other sorts export newest first.
 * Every party the route lets in may read a list (a worker their own), so `readsAny` is true: an empty file is an
 * empty list. More than MAX_PAGES pages says `x-truncated`.
 */
export async function exportList(db: Db, call: Call, q: SuggestionListQuery): Promise<ListExport<SuggestionSummary>> {
  const walk = q.sort === 'submittedAt' ? { ...q, after: undefined } : { ...q, sort: undefined, after: undefined };
  const rows: SuggestionSummary[] = [];
  let after: string | undefined;
  let truncated = false;
  for (let p = 0; p < MAX_PAGES; p++) {
    const got = await list(call, { ...walk, page: 1, pageSize: PAGE, after });
    rows.push(...got.items);
    if (!got.nextCursor) break;
    after = got.nextCursor;
    truncated = p === MAX_PAGES - 1;
  }
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, call.ctx, { action: 'suggestion.export', entityType: 'suggestion', entityId: 'list', changes: { rows: rows.length } }));
  return { fileName: '合理化建议', sheet: '合理化建议', columns: COLUMNS, rows, readsAny: true, truncated };
}
