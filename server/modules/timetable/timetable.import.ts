/**
 * A school's timetables from one sheet, one slot a row: 班级 | 星期 | 节次 | 学科 | 教师.
 * Every row is checked (Excel row, Chinese column, reason); when any row fails nothing is
 * written, otherwise each class named in the sheet gets exactly the slots the sheet gives it.
 */
import type { WriteCall } from '../../core/call.js';
import { recordAudit } from '../../core/audit/audit.js';
import type { Db } from '../../core/db/database.js';
import { readFirstSheet } from '../../core/excel/import.js';
import { t } from '../../core/i18n/messages.js';
import { MAX_PERIODS, WEEKDAY_LABELS } from '../../../common/timetable.js';
import { classesUnder } from '../school/index.js';
import { schoolToManage } from './timetable.policy.js';
import * as repo from './timetable.repository.js';
import type { TimetableSlotTable } from './timetable.tables.js';

const COLUMNS = ['班级', '星期', '节次', '学科', '教师'] as const;

interface RowError {
  row: number;
  column: string;
  message: string;
}

function weekday(text: string): number | null {
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= 7) return n;
  const i = WEEKDAY_LABELS.findIndex((l, k) => k > 0 && (l === text || l.replace('周', '星期') === text));
  return i > 0 ? i : null;
}

export async function importTimetable(call: WriteCall, schoolId: string, file: Buffer) {
  const school = await schoolToManage(call.tx as Db, call.actor, schoolId);
  const sheet = await readFirstSheet(file, 5_000);
  const msg = (key: string, params: Record<string, unknown> = {}) => t('zh-CN', key, params);
  const header = sheet.rows[0];
  const at = COLUMNS.map((c) => header?.cells.findIndex((h) => h.trim() === c) ?? -1);
  if (!header || at.some((i) => i < 0))
    return { classes: 0, slots: 0, errors: [{ row: header?.row ?? 1, column: '表头', message: msg('timetable.import.header') }] };

  const classes = new Map((await classesUnder(call.tx, school.path)).map((c) => [c.name, c]));
  const teachersByClass = new Map<string, { id: string; name: string }[]>();
  const errors: RowError[] = [];
  const byClass = new Map<string, TimetableSlotTable[]>();
  const firstRow = new Map<string, number>();
  for (const r of sheet.rows.slice(1)) {
    const [className, day, period, subject, teacher] = at.map((i) => (r.cells[i] ?? '').trim());
    const fail = (column: string, key: string, params: Record<string, unknown> = {}) => errors.push({ row: r.row, column, message: msg(key, params) });
    const cls = classes.get(className);
    if (!cls) fail('班级', 'timetable.import.noClass', { value: className });
    const wd = weekday(day);
    if (wd === null) fail('星期', 'timetable.import.weekday');
    const p = Number(period);
    const periodOk = Number.isInteger(p) && p >= 1 && p <= MAX_PERIODS;
    if (!periodOk) fail('节次', 'timetable.import.period');
    if (!subject) fail('学科', 'timetable.import.subject');
    if (!cls) continue;
    let teachers = teachersByClass.get(cls.id);
    if (!teachers) teachersByClass.set(cls.id, (teachers = (await repo.teachersOfClass(call.tx, cls.id)).map((x) => ({ id: x.teacher_id, name: x.name }))));
    const named = [...new Map(teachers.filter((x) => x.name === teacher).map((x) => [x.id, x])).values()];
    if (named.length === 0) fail('教师', 'timetable.import.noTeacher', { value: teacher });
    else if (named.length > 1) fail('教师', 'timetable.import.twoTeachers', { value: teacher });
    if (wd === null || !periodOk || !subject || named.length !== 1) continue;
    const key = `${cls.id}:${wd}:${p}`;
    const other = firstRow.get(key);
    if (other !== undefined) {
      fail('节次', 'timetable.import.twice', { other });
      continue;
    }
    firstRow.set(key, r.row);
    const list = byClass.get(cls.id) ?? byClass.set(cls.id, []).get(cls.id)!;
    list.push({ class_id: cls.id, weekday: wd, period: p, subject, teacher_id: named[0].id, updated_at: call.iso });
  }
  if (errors.length) return { classes: 0, slots: 0, errors };
  let slots = 0;
  for (const [classId, rows] of byClass) {
    await repo.replaceSlots(call.tx, classId, rows);
    slots += rows.length;
  }
  await recordAudit(call.tx, call.ctx, {
    action: 'timetable.import',
    entityType: 'timetable',
    entityId: school.id,
    orgId: school.id,
    changes: { classes: byClass.size, slots },
  });
  return { classes: byClass.size, slots, errors: [] };
}
