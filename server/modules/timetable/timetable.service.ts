/**
 * The academic office's timetable: read a class's week, replace it from the grid, or import
 * a school's timetables from one sheet. A slot may only name a teacher assigned to the class
 * (class_teachers, core's 任课安排), so every timetabled lesson has a teacher who can log it.
 */
import type { Call, WriteCall } from '../../core/call.js';
import type { Db } from '../../core/db/database.js';
import { recordAudit } from '../../core/audit/audit.js';
import { AppError, invalid } from '../../core/errors.js';
import type { ClassTimetable, Slot } from '../../../common/schemas/timetable.js';
import { classFor } from './timetable.policy.js';
import * as repo from './timetable.repository.js';

export async function classTimetable(call: Call, classId: string): Promise<ClassTimetable> {
  const cls = await classFor(call.db, call.actor, classId, 'read');
  return present(call, cls.id, cls.name);
}

async function present(call: Pick<Call, 'db'> & { tx?: WriteCall['tx'] }, classId: string, className: string): Promise<ClassTimetable> {
  const db = call.tx ?? call.db;
  const [slots, teachers] = await Promise.all([repo.slotsOfClass(db, classId), repo.teachersOfClass(db, classId)]);
  return {
    classId,
    className,
    slots: slots.map((s) => ({ weekday: s.weekday, period: s.period, subject: s.subject, teacherId: s.teacher_id, teacherName: s.teacher_name })),
    teachers: teachers.map((t) => ({ id: t.teacher_id, name: t.name, duty: t.duty, subject: t.subject })),
    updatedAt: slots.reduce<string | null>((m, s) => (m && m > s.updated_at ? m : s.updated_at), null),
  };
}

export async function replaceTimetable(call: WriteCall, classId: string, slots: Slot[]): Promise<ClassTimetable> {
  const cls = await classFor(call.tx as Db, call.actor, classId, 'manage');
  const assigned = new Set((await repo.teachersOfClass(call.tx, cls.id)).map((t) => t.teacher_id));
  const seen = new Set<string>();
  slots.forEach((s, i) => {
    const key = `${s.weekday}:${s.period}`;
    if (seen.has(key)) throw invalid(`body.slots.${i}.period`, 'timetable.slotTwice', { weekday: s.weekday, period: s.period });
    seen.add(key);
    if (!assigned.has(s.teacherId)) throw invalid(`body.slots.${i}.teacherId`, 'timetable.teacherNotAssigned');
  });
  await repo.replaceSlots(
    call.tx,
    cls.id,
    slots.map((s) => ({ class_id: cls.id, weekday: s.weekday, period: s.period, subject: s.subject, teacher_id: s.teacherId, updated_at: call.iso })),
  );
  await recordAudit(call.tx, call.ctx, {
    action: 'timetable.update',
    entityType: 'timetable',
    entityId: cls.id,
    orgId: cls.id,
    changes: { slots: slots.length },
  });
  return present(call, cls.id, cls.name);
}

export function noFile(): AppError {
  return new AppError(400, 'validation', 'error.validation', {}, [{ field: 'body.file', message: 'import.noFile' }]);
}
