/**
 * Lists and exports of appeals: scope in SQL, whitelisted sorting, paging, and the same
 * filters the dashboard drills down with.
 */
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/rbac/actor.js';
import type { Column, ListExport } from '../../core/excel/export.js';
import { checkCursorSort, checkPageReach, decodeCursor } from '../../core/db/keyset.js';
import {
  APPEAL_CATEGORY_LABELS,
  APPEAL_NATURE_LABELS,
  APPEAL_RATING_LABELS,
  APPEAL_STATUS_LABELS,
  APPEAL_URGENCY_LABELS,
  LIGHT_LABELS,
  type AppealCategory,
  type AppealNature,
  type AppealRating,
  type AppealStatus,
  type AppealUrgency,
} from '../../../common/appeals.js';
import { EMPLOYMENT_CATEGORY_LABELS, type EmploymentCategory } from '../../../common/enums.js';
import type { AppealFilter } from '../../../common/schemas/appeals.js';
import { exportAppeals } from './appeals.exportRows.js';
import { CURSOR_SORTS, type ExportRow, listAppeals } from './appeals.lists.js';
import type { SortKey } from './appeals.visibility.js';
import { visibilityOf } from './appeals.policy.js';
import { maskPhone, presentSummary, readsContact } from './appeals.present.js';
import { resolveFilter } from './appeals.dashboard.js';
import { lightClock, lightOf } from './deadlines.js';
import { labelDepartments } from './departments.js';

export const EXPORT_LIMIT = 50_000;

export async function list(
  db: Db,
  actor: Actor,
  q: AppealFilter & { page: number; pageSize: number; sort?: SortKey; order: 'asc' | 'desc'; after?: string },
  now = new Date(),
) {
  const { page, pageSize, sort, order, after, ...filter } = q;
  const key = sort ?? 'submittedAt';
  // A cursor follows the order it was written in; page numbers stop where the count does.
  if (after) checkCursorSort(CURSOR_SORTS.has(key));
  if (!after) checkPageReach(page, pageSize);
  const clock = await lightClock(db, now);
  const { rows, total, totalCapped, searchCapped, nextCursor } = await listAppeals(db, visibilityOf(actor), await resolveFilter(db, filter), clock, {
    limit: pageSize,
    offset: after ? 0 : (page - 1) * pageSize,
    sort: key,
    // Newest first unless the caller picks an order.
    order: sort ? order : 'desc',
    after: after ? decodeCursor(after) : undefined,
  });
  await labelDepartments(db, rows);
  return { items: rows.map((r) => presentSummary(r, actor, clock)), total, totalCapped, searchCapped, page, pageSize, nextCursor };
}

/** Beijing time for people reading a spreadsheet. */
const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The list's filters as an export declaration (sent by core `sendXlsx` as .xlsx or .csv), read batch by batch. */
export async function exportList(db: Db, actor: Actor, filter: AppealFilter, now = new Date()): Promise<ListExport<ExportRow>> {
  const vis = visibilityOf(actor);
  const clock = await lightClock(db, now);
  const read = exportAppeals(db, vis, await resolveFilter(db, filter), clock, EXPORT_LIMIT);
  async function* labelled() {
    for await (const batch of read) yield await labelDepartments(db, batch);
  }
  type Row = ExportRow;
  // Anonymous authors are '匿名' for every reader, staff included: a spreadsheet travels.
  const anon = (r: Row) => r.anonymous === 1;
  const columns: Column<Row>[] = [
    { header: '编号', width: 18, value: (r) => r.code },
    { header: '标题', width: 30, value: (r) => r.title },
    { header: '类别', value: (r) => APPEAL_CATEGORY_LABELS[r.category as AppealCategory]?.zh },
    { header: '性质', value: (r) => APPEAL_NATURE_LABELS[r.nature as AppealNature]?.zh },
    { header: '紧急程度', value: (r) => APPEAL_URGENCY_LABELS[r.urgency as AppealUrgency]?.zh },
    { header: '状态', value: (r) => APPEAL_STATUS_LABELS[r.status as AppealStatus]?.zh },
    {
      header: '红黄灯',
      value: (r) => {
        const l = lightOf(r.current_due, clock);
        return l ? LIGHT_LABELS[l].zh : '';
      },
    },
    { header: '提交人', value: (r) => (anon(r) ? '匿名' : (r.author_name ?? '')) },
    { header: '用工身份', value: (r) => (anon(r) ? '' : (EMPLOYMENT_CATEGORY_LABELS[r.author_category as EmploymentCategory]?.zh ?? '')) },
    {
      header: '联系电话',
      width: 16,
      value: (r) => (anon(r) ? '' : readsContact(actor, r.org_path) ? (r.author_phone ?? '') : (maskPhone(r.author_phone) ?? '')),
    },
    { header: '所属单位', width: 20, value: (r) => (anon(r) ? r.unit_name : r.org_name) },
    { header: '承办部门', width: 22, value: (r) => r.department_label ?? '' },
    { header: '提交时间', width: 18, value: (r) => local(r.submitted_at) },
    { header: '受理时间', width: 18, value: (r) => local(r.accepted_at) },
    { header: '办理期限', width: 12, value: (r) => r.due_date ?? r.accept_due_date },
    { header: '答复时间', width: 18, value: (r) => local(r.answered_at) },
    { header: '是否超期', value: (r) => (r.late === 1 ? '是' : '否') },
    { header: '满意度', value: (r) => (r.rating ? APPEAL_RATING_LABELS[r.rating as AppealRating].zh : '') },
    { header: '重办次数', value: (r) => r.reopen_count },
    { header: '涉及职工数', value: (r) => r.affected_workers },
    { header: '答复内容', width: 40, value: (r) => r.answer ?? '' },
  ];
  return {
    fileName: `职工诉求_${clock.today}`,
    sheet: '职工诉求',
    columns,
    rows: labelled(),
    // A caller who may list no one's appeals (neither as staff nor as a handler) is refused rather than sent a file of nothing.
    readsAny: vis.staff.all || vis.staff.paths.length > 0 || vis.handler.all || vis.handler.paths.length > 0,
  };
}
