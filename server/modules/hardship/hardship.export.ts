/**
 * The officers' export of files (.xlsx or .csv, the same columns): the list's filters and its
 * order, newest first by cursor up to 50 000 files. Another sort than the filing date has no
 * cursor (page numbers stop at the count), so the files are walked by date and put in that
 * order here — the list's own: the key, then the id, both in the order asked for; an empty
 * review date first when ascending, as SQLite lists it.
 */
import type { FastifyReply } from 'fastify';
import { CAUSE_LABELS, PROFILE_STATUS_LABELS, TIER_LABELS, type Cause } from '../../../common/hardship.js';
import type { ProfileListQuery, ProfileSummary } from '../../../common/schemas/hardship.js';
import type { Call } from '../../core/call.js';
import { sendExport, type Column, type ExportFormat } from '../../core/excel/export.js';
import * as service from './hardship.service.js';

export const EXPORT_CAP = 50_000;
const BATCH = 200;

const COLUMNS: Column<ProfileSummary>[] = [
  { header: '档案编号', type: 'text', value: (r) => r.code },
  { header: '职工', value: (r) => r.workerName },
  { header: '单位', value: (r) => r.orgName },
  { header: '状态', value: (r) => PROFILE_STATUS_LABELS[r.status].zh },
  { header: '困难类别', value: (r) => (r.tier ? TIER_LABELS[r.tier].zh : '') },
  { header: '致困原因', value: (r) => r.causes.map((c: Cause) => CAUSE_LABELS[c].zh).join('、') },
  { header: '家庭人口', value: (r) => r.householdSize },
  { header: '人均月收入（元）', value: (r) => r.incomePerHeadFen / 100 },
  { header: '申请日期', value: (r) => r.appliedDate },
  { header: '归档日期', value: (r) => r.filedOn },
  { header: '复核期限', value: (r) => r.reviewDue },
  { header: '帮扶金额（元）', value: (r) => r.assistanceFen / 100 },
];

const KEY: Record<Exclude<ProfileListQuery['sort'], 'appliedAt' | undefined>, (r: ProfileSummary) => string | number | null> = {
  code: (r) => r.code,
  reviewDue: (r) => r.reviewDue,
  incomePerHead: (r) => r.incomePerHeadFen,
};

const cmp = (x: string | number | null, y: string | number | null) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1);

/** The files of the list as filtered, in its order; `capped` when more than EXPORT_CAP match. */
export async function exportRows(call: Call, q: ProfileListQuery): Promise<{ rows: ProfileSummary[]; capped: boolean }> {
  const byDate = !q.sort || q.sort === 'appliedAt';
  const order = byDate && q.sort ? q.order : 'desc';
  const rows: ProfileSummary[] = [];
  let capped = false;
  for (let after: string | undefined; ; ) {
    const page = await service.list(call, { ...q, sort: 'appliedAt', order, page: 1, pageSize: BATCH, after });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    if (rows.length >= EXPORT_CAP) {
      capped = true;
      break;
    }
    after = page.nextCursor;
  }
  if (!byDate) {
    const key = KEY[q.sort as keyof typeof KEY];
    const dir = q.order === 'desc' ? -1 : 1;
    rows.sort((x, y) => dir * (cmp(key(x), key(y)) || cmp(x.id, y.id)));
  }
  return { rows: rows.slice(0, EXPORT_CAP), capped };
}

export async function sendFiles(reply: FastifyReply, format: ExportFormat, rows: ProfileSummary[]) {
  return sendExport(reply, format, '困难职工档案', '困难职工档案', COLUMNS, rows);
}
