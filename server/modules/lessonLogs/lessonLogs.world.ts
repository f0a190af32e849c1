/**
 * Lesson logs in the test worlds (test/authz/part.ts). A: the academic office adds period 9 on
 * every weekday to the demo class's timetable for the demo subject teacher, who logs it on the
 * class's last school day. B: B's office (an account made here) timetables B's head teacher,
 * who logs the lesson; every text carries B's marker. The fuzzer's log is on a fixed Monday.
 */
import type { Caller, HostilePart, WorldPart } from '../../../test/authz/part.js';

/** Built after school's records: B's lessons are logged on a school day of the term made there. */
export const after = ['school'];

const PERIOD = 9;

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`lessonLogs world: ${what} → ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

async function lastSchoolDay(c: Caller, classId: string): Promise<string> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const days = await ok(c.get(`/api/v1/school/classes/${classId}/days?from=${day(-30)}&to=${day(0)}`), 'school days');
  const last = [...days.items].reverse().find((d: { schoolDay: boolean }) => d.schoolDay);
  if (!last) throw new Error('lessonLogs world: no school day in the last 30 days');
  return last.date;
}

/** Adds period 9 on all seven weekdays for `teacherId` to the class's week, keeping what is there. */
async function timetable(office: Caller, classId: string, teacherId: string, subject: string) {
  const now = await ok(office.get(`/api/v1/timetable/classes/${classId}`), 'timetable');
  const kept = now.slots
    .filter((s: { period: number }) => s.period !== PERIOD)
    .map(({ weekday, period, subject, teacherId }: any) => ({ weekday, period, subject, teacherId }));
  const added = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, period: PERIOD, subject, teacherId }));
  await ok(office.request('PUT', `/api/v1/timetable/classes/${classId}`, { slots: [...kept, ...added] }), 'timetable put');
}

const body = (classId: string, date: string, period: number) => ({
  classId,
  date,
  period,
  minutesTaught: 35,
  minutesChecking: 10,
  questioned: 10,
  homeworkChecked: 10,
  demonstrations: 10,
  practiceMinutes: 10,
});

export const world: WorldPart = {
  params: { logId: 'lessonLog' },
  async build(ctx) {
    const classId = ctx.orgs.class;
    const office = ctx.clients.academicOffice ?? (await ctx.account('academicOffice', ctx.orgs.school)).client;
    const teacher = ctx.side === 'own' ? ctx.clients.subjectTeacher! : ctx.clients.headTeacher!;
    await timetable(office, classId, ctx.people.teacher, `${ctx.label}数学`);
    const date = await lastSchoolDay(teacher, classId);
    const log = await ok(teacher.post('/api/v1/lesson-logs', body(classId, date, PERIOD)), `log ${ctx.side}`);
    return { lessonLog: log.id };
  },
};

export const hostile: HostilePart = {
  async build(ctx) {
    const person = async (accountId: string) =>
      (await ctx.t.db.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirstOrThrow()).person_id!;
    const subjA = await person(ctx.s.users.subjA.accountId);
    await ok(
      ctx.s.users.academic.request('PUT', `/api/v1/timetable/classes/${ctx.s.classA.id}`, {
        slots: [{ weekday: 1, period: 1, subject: '数学', teacherId: subjA }],
      }),
      'hostile timetable',
    );
    const log = await ok(ctx.s.users.subjA.post('/api/v1/lesson-logs', body(ctx.s.classA.id, '2026-09-14', 1)), 'hostile log');
    return { params: { logId: log.id } };
  },
};
