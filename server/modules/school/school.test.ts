import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { WorkCalendar } from '../../core/calendar/calendar.js';
import { inWindow, minutesOf, shiftWeek, weekDates, weekEnd, weekOf, weekStart, isWeekKey } from '../../../common/school.js';
import { SchoolCalendar } from './school.calendar.js';
import { schoolWorld } from './school.testkit.js';

describe('ISO weeks in Asia/Shanghai dates (pure)', () => {
  it('names weeks Monday–Sunday, across a year end with 53 weeks', () => {
    expect(weekOf('2026-09-14')).toBe('2026-W38'); // a Monday
    expect(weekOf('2026-09-20')).toBe('2026-W38'); // the Sunday of the same week
    expect(weekOf('2026-09-21')).toBe('2026-W39');
    expect(weekStart('2026-W40')).toBe('2026-09-28');
    expect(weekEnd('2026-W40')).toBe('2026-10-04');
    expect(weekOf('2027-01-01')).toBe('2026-W53'); // 2026 starts on a Thursday: 53 ISO weeks
    expect(weekOf('2025-12-29')).toBe('2026-W01');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(weekDates('2026-W41')).toEqual(['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11']);
    expect(isWeekKey('2026-W53')).toBe(true);
    expect(isWeekKey('2027-W53')).toBe(false);
    expect(isWeekKey('2026-40')).toBe(false);
  });

  it('handles quiet-hour windows that wrap past midnight', () => {
    const [s, e] = [minutesOf('21:00'), minutesOf('07:00')];
    expect(inWindow(minutesOf('20:59'), s, e)).toBe(false);
    expect(inWindow(minutesOf('21:00'), s, e)).toBe(true);
    expect(inWindow(minutesOf('03:00'), s, e)).toBe(true);
    expect(inWindow(minutesOf('06:59'), s, e)).toBe(true);
    expect(inWindow(minutesOf('07:00'), s, e)).toBe(false);
  });
});

describe('school days (pure): core working days inside a term, minus closures', () => {
  const terms = [
    { id: 't1', name: '第一学期', start_date: '2026-09-01', end_date: '2027-01-22' },
    { id: 't2', name: '第二学期', start_date: '2027-03-03', end_date: '2027-07-02' },
  ];
  const closures = [{ date: '2026-10-09', path: '/s/g1/', reason: '初一研学' }];
  const classCal = new SchoolCalendar(new WorkCalendar([], '/s/g1/c1/'), terms, closures, '/s/g1/c1/');
  const otherGrade = new SchoolCalendar(new WorkCalendar([], '/s/g2/c9/'), terms, closures, '/s/g2/c9/');

  it('counts the National Day 2026 holiday and its make-up days (Sun 20 Sep, Sat 10 Oct)', () => {
    // W38: Mon 14 – Fri 18 and the make-up Sunday 20 Sep; the Sunday is the last school day.
    expect(classCal.weekSchoolDays('2026-W38')).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-20']);
    expect(classCal.lastSchoolDayOfWeek('2026-W38')).toBe('2026-09-20');
    // W39: Mid-Autumn Festival Fri 25 Sep is a holiday.
    expect(classCal.weekSchoolDays('2026-W39')).toEqual(['2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']);
    // W40: 1–4 Oct off, so the school week ends on Wednesday 30 Sep.
    expect(classCal.lastSchoolDayOfWeek('2026-W40')).toBe('2026-09-30');
    // W41: 5–7 Oct off; Thu 8, (Fri 9 closed for grade 1), make-up Sat 10.
    expect(classCal.weekSchoolDays('2026-W41')).toEqual(['2026-10-08', '2026-10-10']);
    expect(otherGrade.weekSchoolDays('2026-W41')).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect(classCal.day('2026-10-09')).toMatchObject({ schoolDay: false, reason: 'closure', note: '初一研学' });
    expect(classCal.day('2026-10-03')).toMatchObject({ schoolDay: false, reason: 'holiday' });
    expect(classCal.day('2026-10-11')).toMatchObject({ schoolDay: false, reason: 'weekend' });
    expect(classCal.day('2026-10-10')).toMatchObject({ schoolDay: true, termId: 't1' });
    expect(classCal.schoolDaysIn('2026-09-28', '2026-10-11')).toHaveLength(5);
  });

  it('starts and ends weeks at the term boundary; a week with no school day does not exist', () => {
    // Mon 31 Aug is before the term: the first week has four school days.
    expect(classCal.weekSchoolDays('2026-W36')).toEqual(['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04']);
    expect(classCal.weekExists('2026-W35')).toBe(false);
    expect(classCal.lastSchoolDayOfWeek('2027-W03')).toBe('2027-01-22');
    expect(classCal.weekExists('2027-W04')).toBe(false);
    // Spring term begins on a Wednesday.
    expect(classCal.weekSchoolDays('2027-W09')).toEqual(['2027-03-03', '2027-03-04', '2027-03-05']);
    expect(classCal.termOf('2027-02-15')).toBeNull();
    expect(classCal.currentOrLastTerm('2027-02-15')?.id).toBe('t1');
    const weeks = classCal.weeksOfTerm(terms[0]);
    expect(weeks[0]).toBe('2026-W36');
    expect(weeks[weeks.length - 1]).toBe('2027-W03');
    // W36 … W53 of 2026 and W01 … W03 of 2027, every one with at least one school day.
    expect(weeks).toHaveLength(18 + 3);
  });
});

describe('school calendar API', () => {
  const t = useTestApp();
  let w: Awaited<ReturnType<typeof schoolWorld>>;
  beforeAll(async () => {
    w = await schoolWorld(t);
  });

  it('lets the principal add terms and closures, audited; teachers may read but not change them', async () => {
    const { principal, headA, gA1, otherPrincipal } = w.users;
    const terms = await headA.get(`/api/v1/school/schools/${w.school.id}/terms`);
    expect(terms.status).toBe(200);
    expect(terms.body.items.map((x: any) => x.startDate)).toEqual(['2026-09-01']);
    expect((await gA1.get(`/api/v1/school/schools/${w.school.id}/terms`)).status).toBe(200);

    const spring = { name: '第二学期', startDate: '2027-03-03', endDate: '2027-07-02' };
    expect((await headA.post(`/api/v1/school/schools/${w.school.id}/terms`, spring)).status).toBe(403);
    expect((await otherPrincipal.post(`/api/v1/school/schools/${w.school.id}/terms`, spring)).status).toBe(404);
    const created = await principal.post(`/api/v1/school/schools/${w.school.id}/terms`, spring);
    expect(created.status).toBe(201);
    const overlap = await principal.post(`/api/v1/school/schools/${w.school.id}/terms`, { name: '重叠', startDate: '2027-01-10', endDate: '2027-02-01' });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors[0].message).toContain('重叠');
    const backwards = await principal.post(`/api/v1/school/schools/${w.school.id}/terms`, { name: '倒序', startDate: '2027-09-10', endDate: '2027-09-01' });
    expect(backwards.status).toBe(422);

    const closure = await principal.post(`/api/v1/school/schools/${w.school.id}/closures`, { date: '2026-10-09', reason: '初一研学', orgId: w.grade1.id });
    expect(closure.status).toBe(201);
    expect((await principal.post(`/api/v1/school/schools/${w.school.id}/closures`, { date: '2026-10-09', reason: '重复', orgId: w.grade1.id })).status).toBe(
      409,
    );
    expect((await principal.post(`/api/v1/school/schools/${w.school.id}/closures`, { date: '2026-10-09', reason: '别校', orgId: w.classX.id })).status).toBe(
      422,
    );
    expect((await headA.post(`/api/v1/school/schools/${w.school.id}/closures`, { date: '2026-10-12', reason: '擅自停课' })).status).toBe(403);

    const daysA = await headA.get(`/api/v1/school/classes/${w.classA.id}/days?from=2026-10-05&to=2026-10-11`);
    expect(daysA.status).toBe(200);
    expect(daysA.body.items.filter((d: any) => d.schoolDay).map((d: any) => d.date)).toEqual(['2026-10-08', '2026-10-10']);
    expect(daysA.body.items.find((d: any) => d.date === '2026-10-09')).toMatchObject({ reason: 'closure', note: '初一研学' });
    const daysC = await principal.get(`/api/v1/school/classes/${w.classC.id}/days?from=2026-10-05&to=2026-10-11`);
    expect(daysC.body.items.filter((d: any) => d.schoolDay).map((d: any) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);

    const weeks = await headA.get(`/api/v1/school/classes/${w.classA.id}/weeks?termId=${terms.body.items[0].id}`);
    expect(weeks.body.items.find((x: any) => x.week === '2026-W38').schoolDays).toContain('2026-09-20');
    expect(weeks.body.items.find((x: any) => x.week === '2026-W41').schoolDays).toEqual(['2026-10-08', '2026-10-10']);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('org_id', 'in', [w.school.id, w.grade1.id])
      .where('action', 'like', 'school.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['school.closureCreate', 'school.termCreate']);
    expect((await principal.delete(`/api/v1/school/closures/${closure.body.id}`)).status).toBe(204);
    const after = await headA.get(`/api/v1/school/classes/${w.classA.id}/days?from=2026-10-09&to=2026-10-09`);
    expect(after.body.items[0].schoolDay).toBe(true);
    // A term moved shows at once, though the school's calendar was just read (and is kept in memory).
    const springDay = async () => (await headA.get(`/api/v1/school/classes/${w.classA.id}/days?from=2027-03-04&to=2027-03-04`)).body.items[0];
    expect((await springDay()).schoolDay).toBe(true);
    expect((await principal.patch(`/api/v1/school/terms/${created.body.id}`, { startDate: '2027-03-08' })).status).toBe(200);
    expect(await springDay()).toMatchObject({ schoolDay: false, reason: 'outsideTerm' });
  });

  it('hides another school and another class', async () => {
    const { headX, gB1, headA } = w.users;
    expect((await headX.get(`/api/v1/school/schools/${w.school.id}/terms`)).status).toBe(404);
    expect((await headX.get(`/api/v1/school/classes/${w.classA.id}/days?from=2026-10-01&to=2026-10-02`)).status).toBe(404);
    expect((await gB1.get(`/api/v1/school/classes/${w.classA.id}/days?from=2026-10-01&to=2026-10-02`)).status).toBe(404);
    expect((await headA.get(`/api/v1/school/classes/${w.classB.id}/weeks`)).status).toBe(404);
    expect((await headA.get(`/api/v1/school/classes/${w.classA.id}/days?from=2026-01-01&to=2027-12-31`)).status).toBe(422);
  });

  it('keeps reminder settings per school, with defaults, changeable by the office only', async () => {
    const { academic, headA, gA1 } = w.users;
    expect((await gA1.get(`/api/v1/school/schools/${w.school.id}/settings`)).body).toEqual({
      quietStart: '21:00',
      quietEnd: '07:00',
      teacherReminderAt: '16:00',
      guardianReminderAt: '07:30',
      moralReminderAt: '14:30',
      lessonReminderAt: '17:30',
    });
    expect((await headA.patch(`/api/v1/school/schools/${w.school.id}/settings`, { quietStart: '22:00' })).status).toBe(403);
    const bad = await academic.patch(`/api/v1/school/schools/${w.school.id}/settings`, { quietStart: '25:00' });
    expect(bad.status).toBe(400);
    const ok = await academic.patch(`/api/v1/school/schools/${w.school.id}/settings`, { quietStart: '20:30', moralReminderAt: '14:20' });
    expect(ok.status).toBe(200);
    expect((await headA.get(`/api/v1/school/schools/${w.school.id}/settings`)).body).toMatchObject({
      quietStart: '20:30',
      quietEnd: '07:00',
      moralReminderAt: '14:20',
    });
    expect((await w.users.otherPrincipal.get(`/api/v1/school/schools/${w.school.id}/settings`)).status).toBe(404);
  });

  it('tells each caller their classes, children and schools', async () => {
    const subj = (await w.users.subjA.get('/api/v1/school/me')).body;
    expect(subj.classes.map((c: any) => [c.name, c.duties])).toEqual([
      ['初一（1）班', ['subject']],
      ['初二（1）班', ['subject']],
    ]);
    const two = (await w.users.gTwo.get('/api/v1/school/me')).body;
    expect(two.children.map((c: any) => [c.name, c.className]).sort()).toEqual([
      ['孙小梅', '初一（2）班'],
      ['李小红', '初一（1）班'],
    ]);
    expect(two.classes).toEqual([]);
    const principal = (await w.users.principal.get('/api/v1/school/me')).body;
    expect(principal.schools).toEqual([{ id: w.school.id, name: '实验中学' }]);
  });
});
