/**
 * The officers' export of files (.xlsx or .csv, the same columns) as an export declaration: the
 * list's filters in the list's own ORDER BY (its sort key, then the id), read batch by batch and
 * streamed by core `sendXlsx` — memory is one batch however many files, up to 50 000 (more is said
 * by `x-truncated`). The export is audited with its filter and row count before the first byte.
 */
import { CAUSE_LABELS, PROFILE_STATUS_LABELS, TIER_LABELS, type Cause } from '../../../common/hardship.js';
import type { ProfileListQuery, ProfileSummary } from '../../../common/schemas/hardship.js';
import type { Call } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Column, ExportFormat, ListExport } from '../../core/excel/export.js';
import { today } from './hardship.load.js';
import { summaryOf } from './hardship.present.js';
import * as repo from './hardship.repository.js';
import * as service from './hardship.service.js';

export const EXPORT_CAP = 50_000;

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

async function* none(): AsyncGenerator<ProfileSummary[]> {}

/**
 * `assertOfficer` refuses whoever is no officer, so whoever gets a declaration may read files (`readsAny`); an unknown
 * org filter is an empty file. `format` is only recorded in the audit: core writes the file in it.
 */
export async function exportFiles(call: Call, format: ExportFormat, q: ProfileListQuery): Promise<ListExport<ProfileSummary>> {
  service.assertOfficer(call);
  const args = await service.listed(call, q);
  const day = today(call);
  const found = args ? await repo.countUpTo(call.db, args.reach, args.filter, day, EXPORT_CAP + 1) : 0;
  const rows = Math.min(found, EXPORT_CAP);
  await call.db
    .transaction()
    .execute((tx) => recordAudit(tx, call.ctx, { action: 'hardship.export', entityType: 'hardshipProfile', entityId: 'list', changes: { rows, format } }));
  // The list's default is newest first; a chosen sort keeps the order asked for.
  const order = { sort: q.sort ?? 'appliedAt', order: q.sort ? q.order : 'desc' } as const;
  async function* summaries() {
    for await (const batch of repo.exportProfiles(call.db, args!.reach, args!.filter, order, day, rows)) {
      const causes = await repo.causesOf(
        call.db,
        batch.map((r) => r.id),
      );
      yield batch.map((r) => summaryOf(r, causes.get(r.id) ?? []));
    }
  }
  return {
    fileName: '困难职工档案',
    sheet: '困难职工档案',
    columns: COLUMNS,
    rows: args ? summaries() : none(),
    readsAny: true,
    truncated: found > EXPORT_CAP,
  };
}
