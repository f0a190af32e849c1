/**
 * The compliance table as an export declaration (core `sendXlsx` writes the file): the same rows,
 * for the same readers, as the page (a teacher gets their own lessons only), each rate beside the
 * counts it comes from.
 */
import type { Call } from '../../core/call.js';
import type { Column, ListExport } from '../../core/excel/export.js';
import { TENS, type ComplianceCut } from '../../../common/lessonLogs.js';
import type { ComplianceRow } from '../../../common/schemas/lessonLogs.js';
import { compliance } from './lessonLogs.office.js';

const CUT_HEADER: Record<ComplianceCut, string> = { teacher: '教师', subject: '学科', grade: '年级', week: '周', teacherWeek: '教师' };
const TEN_HEADER: Record<(typeof TENS)[number], string> = {
  questioned: '提问≥10',
  homeworkChecked: '检查作业≥10',
  demonstrations: '板演展示≥10',
  practiceMinutes: '练习≥10分钟',
  corrections: '面批≥10',
  tutoring: '辅导≥10',
};

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);

/** `compliance` refuses whoever may not read the school's table, so whoever gets a declaration reads it (`readsAny`). */
export async function complianceExport(call: Call, schoolId: string, q: { from: string; to: string; cut: ComplianceCut }): Promise<ListExport<ComplianceRow>> {
  const c = await compliance(call, schoolId, q);
  const columns: Column<ComplianceRow>[] = [
    { header: CUT_HEADER[q.cut], value: (r) => r.label },
    ...(q.cut === 'teacherWeek' ? [{ header: '周', value: (r: ComplianceRow) => r.key.split('|')[1] }] : []),
    { header: '应上课时', value: (r) => r.timetabled },
    { header: '已记录', value: (r) => r.logged },
    { header: '记录率(%)', value: (r) => pct(r.logged, r.timetabled) },
    { header: '35+10 达标', value: (r) => r.standardMet },
    { header: '35+10 达标率(%)', value: (r) => pct(r.standardMet, r.logged) },
    ...TENS.map((k) => ({ header: TEN_HEADER[k], value: (r: ComplianceRow) => r.tens[k] })),
    { header: '关注学生(人)', value: (r) => r.studentsReached },
  ];
  return { fileName: `35+10落实情况-${q.from}-${q.to}`, sheet: '35+10落实情况', columns, rows: c.rows, readsAny: true };
}
