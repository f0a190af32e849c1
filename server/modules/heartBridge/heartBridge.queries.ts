/**
 * 心桥's exports as data: each returns a `ListExport` declaration (file, sheet, Chinese headers with their row
 * mappers, rows) that the route hands to core `sendXlsx`. No reply here: the service reads, core writes the file.
 */
import type { Call } from '../../core/call.js';
import { percentCell, type ListExport } from '../../core/excel/export.js';
import { exactRate } from '../../../common/figure.js';
import { coverageRows, type CoverageQuery } from './heartBridge.service.js';

type CoverageRow = Awaited<ReturnType<typeof coverageRows>>['rows'][number];

/** Each class's coverage of the week, as the list shows it (its filters and order, every page). */
export async function coverageExport(call: Call, schoolId: string, q: CoverageQuery): Promise<ListExport<CoverageRow>> {
  const { week, schoolName, rows } = await coverageRows(call, schoolId, q);
  return {
    fileName: `心桥覆盖率-${schoolName}-${week ?? ''}`,
    sheet: '心桥覆盖率',
    columns: [
      { header: '年级', value: (x) => x.gradeName },
      { header: '班级', value: (x) => x.className },
      { header: '周次', value: (x) => x.week },
      { header: '学生数', value: (x) => x.students },
      { header: '双向交流人数', value: (x) => x.coverage.numerator },
      { header: '双向覆盖率(%)', value: (x) => percentCell(exactRate(x.coverage)) },
      { header: '学校已写', value: (x) => x.replyRate.denominator },
      { header: '家长回复', value: (x) => x.replyRate.numerator },
      { header: '家长回复率(%)', value: (x) => percentCell(exactRate(x.replyRate)) },
      { header: '阅读率(%)', value: (x) => percentCell(exactRate(x.readRate)) },
    ],
    rows,
    // coverageRows refused (403/404) a caller who does not oversee this school: whoever gets here reads all its classes.
    readsAny: true,
  };
}
