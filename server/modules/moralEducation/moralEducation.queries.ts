/**
 * 十分钟思想教育's exports as data: each returns a `ListExport` declaration (file, sheet, Chinese headers with their
 * row mappers, rows) that the route hands to core `sendXlsx`. No reply here: the service reads, core writes the file.
 */
import { SESSION_STATUS_LABELS } from '../../../common/moralEducation.js';
import { exactRate } from '../../../common/figure.js';
import type { Call } from '../../core/call.js';
import { percentCell, type ListExport } from '../../core/excel/export.js';
import { coverageRows, missedRows, type MissedQuery, type SchoolCoverageQuery } from './moralEducation.service.js';

type CoverageRow = Awaited<ReturnType<typeof coverageRows>>['rows'][number];
type MissedRow = Awaited<ReturnType<typeof missedRows>>['rows'][number];

// Both lists are read by coverageRows / missedRows, which refuse (403/404) a caller who does not oversee the school:
// whoever gets a declaration back reads every class of it, so `readsAny` is true.

/** Each class's coverage of the term up to the day, as the list shows it (its filters and order, every page). */
export async function coverageExport(call: Call, schoolId: string, q: SchoolCoverageQuery): Promise<ListExport<CoverageRow>> {
  const { asOf, schoolName, rows } = await coverageRows(call, schoolId, q);
  return {
    fileName: `十分钟思想教育覆盖率-${schoolName}-${asOf}`,
    sheet: '开展覆盖率',
    columns: [
      { header: '年级', value: (x) => x.gradeName },
      { header: '班级', value: (x) => x.className },
      { header: '上课日', value: (x) => x.schoolDays },
      { header: '已开展', value: (x) => x.held },
      { header: '未开展', value: (x) => x.skipped },
      { header: '未记录', value: (x) => x.unrecorded },
      { header: '覆盖率(%)', value: (x) => percentCell(exactRate(x.coverage)) },
    ],
    rows,
    readsAny: true,
  };
}

/** The missed school days, as the list shows them (its filters and order, every page). */
export async function missedExport(call: Call, schoolId: string, q: MissedQuery): Promise<ListExport<MissedRow>> {
  const { asOf, schoolName, rows } = await missedRows(call, schoolId, q);
  return {
    fileName: `十分钟思想教育缺失记录-${schoolName}-${asOf}`,
    sheet: '缺失记录',
    columns: [
      { header: '日期', value: (x) => x.date },
      { header: '年级', value: (x) => x.gradeName },
      { header: '班级', value: (x) => x.className },
      { header: '情况', value: (x) => (x.kind === 'skipped' ? SESSION_STATUS_LABELS.skipped.zh : '未记录') },
      { header: '原因', value: (x) => x.reason },
      { header: '计划话题', value: (x) => x.plannedTopic },
    ],
    rows,
    readsAny: true,
  };
}
