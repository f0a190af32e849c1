/**
 * The student-weeks behind the 心桥 figures of a period (heartBridge.twoWayCoverage, .replyRate):
 * every student on the roll of every class of the school × every school week of the period that
 * exists for the class, by the same calendars the figures count on, with the sides of the page
 * written. The work report's drill opens this list, so its rows are the figures' counts.
 */
import type { Call } from '../../core/call.js';
import { invalid } from '../../core/errors.js';
import { compareNames } from '../../../common/school.js';
import { classesInScope } from '../school/index.js';
import { schoolFor } from './heartBridge.policy.js';

const DAY_MS = 86_400_000;

export async function studentWeeks(
  call: Call,
  schoolId: string,
  q: {
    from: string;
    to: string;
    twoWay?: '0' | '1';
    schoolSide?: '0' | '1';
    sort?: 'week' | 'className';
    order: 'asc' | 'desc';
    page: number;
    pageSize: number;
  },
) {
  const { db, actor } = call;
  // The school's overseers only (principal, academic office), as the coverage and no-exchange lists.
  const { school } = await schoolFor(db, actor, schoolId, 'oversee');
  if (q.to < q.from || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS > 400) throw invalid('query.to', 'school.rangeTooLong');
  const classes = await classesInScope(db, { all: false, paths: [school.path] });
  const ids = classes.map((c) => c.id).concat(['']);
  const names = new Map((await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [o.id, o.name]));
  const students = await db
    .selectFrom('persons')
    .select(['id', 'name', 'org_id'])
    .where('kind', '=', 'student')
    .where('archived', '=', 0)
    .where('org_id', 'in', ids)
    .execute();
  const weeksOf = new Map(classes.map((c) => [c.id, c.cal.weeksIn(q.from, q.to).filter((w) => c.cal.weekExists(w))]));
  const all = [...weeksOf.values()].flat().sort();
  const pages = all.length
    ? await db
        .selectFrom('heart_bridge_notes' as any)
        .select(['student_id', 'class_id', 'week', 'school_written_at', 'home_written_at'] as any)
        .where('class_id' as any, 'in', ids)
        .where('week' as any, '>=', all[0])
        .where('week' as any, '<=', all[all.length - 1])
        .execute()
    : [];
  const written = new Map(
    (pages as { student_id: string; class_id: string; week: string; school_written_at: string | null; home_written_at: string | null }[]).map((p) => [
      `${p.class_id}|${p.student_id}|${p.week}`,
      p,
    ]),
  );
  let rows = students.flatMap((s) =>
    (weeksOf.get(s.org_id) ?? []).map((week) => {
      const p = written.get(`${s.org_id}|${s.id}|${week}`);
      return {
        week,
        studentId: s.id,
        studentName: s.name,
        classId: s.org_id,
        className: names.get(s.org_id) ?? '',
        schoolSide: !!p?.school_written_at,
        homeSide: !!p?.home_written_at,
      };
    }),
  );
  if (q.twoWay) rows = rows.filter((r) => (r.schoolSide && r.homeSide) === (q.twoWay === '1'));
  if (q.schoolSide) rows = rows.filter((r) => r.schoolSide === (q.schoolSide === '1'));
  const dir = q.order === 'desc' ? -1 : 1;
  rows.sort((a, b) =>
    q.sort === 'className'
      ? dir * compareNames(a.className, b.className) || a.week.localeCompare(b.week) || compareNames(a.studentName, b.studentName)
      : dir * a.week.localeCompare(b.week) || compareNames(a.className, b.className) || compareNames(a.studentName, b.studentName),
  );
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
