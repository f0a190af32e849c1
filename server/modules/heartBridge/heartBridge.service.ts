import type { Call, WriteCall } from '../../core/call.js';
import type { Db, Tx } from '../../core/db/database.js';
import { AppError, forbidden, invalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { recordAudit } from '../../core/audit/audit.js';
import { hasPermission } from '../../core/rbac/actor.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import { compareNames, comparePinyin, weekEnd, weekOf, weekStart } from '../../../common/school.js';
import { HEART_BRIDGE_PERMISSIONS as P } from '../../../common/heartBridge.js';
import { exactRate } from '../../../common/figure.js';
import type { HeartBridgeNote } from '../../../common/schemas/heartBridge.js';
import {
  loadSchoolCalendar,
  pickTerm,
  schoolClasses,
  studentsOfClass,
  studentsOfClasses,
  type ClassInfo,
  type ClassWithCalendar,
  type StudentInfo,
  type TermRef,
} from '../school/index.js';
import * as repo from './heartBridge.repository.js';
import { termWeekLabel } from './heartBridge.weeks.js';
import { classFor, schoolFor, studentFor } from './heartBridge.policy.js';
import {
  figures,
  weekPeriod,
  rosterAndSilence,
  loadWeekCounts,
  studentsWithoutExchange,
  sumCounts,
  type ClassCal,
  type WeekCounts,
} from './heartBridge.indicators.js';
import { DEFAULT_PHRASES } from './heartBridge.messages.js';

type Status = 'none' | 'schoolOnly' | 'homeOnly' | 'twoWay';

export function statusOf(n: Pick<repo.NoteRow, 'school_written_at' | 'home_written_at'> | undefined): Status {
  if (!n) return 'none';
  if (n.school_written_at && n.home_written_at) return 'twoWay';
  if (n.school_written_at) return 'schoolOnly';
  return n.home_written_at ? 'homeOnly' : 'none';
}

export function present(student: StudentInfo, week: string, n: repo.NoteRow | undefined, may: { writeSchool: boolean; writeHome: boolean }): HeartBridgeNote {
  return {
    id: n?.id ?? null,
    studentId: student.id,
    studentName: student.name,
    classId: student.cls.id,
    className: student.cls.name,
    week,
    weekStart: weekStart(week),
    weekEnd: weekEnd(week),
    school: n?.school_written_at
      ? {
          atSchool: n.school_at_school ?? '',
          suggestion: n.school_suggestion ?? '',
          encouragement: n.school_encouragement ?? '',
          authorName: n.school_author_name,
          writtenAt: n.school_written_at,
        }
      : null,
    home: n?.home_written_at
      ? {
          atHome: n.home_at_home ?? '',
          suggestion: n.home_suggestion ?? '',
          encouragement: n.home_encouragement ?? '',
          authorName: n.home_author_name,
          writtenAt: n.home_written_at,
        }
      : null,
    readBySchoolAt: n?.read_by_school_at ?? null,
    readByHomeAt: n?.read_by_home_at ?? null,
    canWriteSchool: may.writeSchool,
    canWriteHome: may.writeHome,
  };
}

/** The columns the weekly counts are made of: which sides exist, which were read, and the class. */
const counted = (n: repo.NoteRow | undefined) =>
  n ? `${n.class_id}|${!!n.school_written_at}|${!!n.home_written_at}|${!!n.read_by_school_at}|${!!n.read_by_home_at}` : '';

/**
 * Keeps the per-class weekly counts in step with the page just written (and with the old class,
 * if the student moved). Rewording a side that was already there changes no count: nothing to do.
 */
async function refreshStats(tx: Tx, student: StudentInfo, week: string, before: repo.NoteRow | undefined, after: repo.NoteRow) {
  if (counted(before) === counted(after)) return;
  await repo.refreshWeekStats(tx, student.cls.id, week, student.cls.schoolId);
  if (before && before.class_id !== student.cls.id) await repo.refreshWeekStats(tx, before.class_id, week, before.school_id);
}

/** class_id for the update when the student has changed class since the page was begun. */
const movedFrom = (before: repo.NoteRow | undefined, student: StudentInfo) =>
  before && before.class_id !== student.cls.id ? { class_id: student.cls.id } : {};

// ── one page ──────────────────────────────────────────────────────

export async function getPage(call: Call, studentId: string, week: string) {
  const { db, actor } = call;
  const { reach, student } = await studentFor(db, actor, studentId, 'read');
  const note = await repo.findNote(db, studentId, week);
  return present(student, week, note, { writeSchool: reach.teaches(student.cls.id), writeHome: reach.isGuardianOf(student.id) });
}

async function checkWritableWeek(db: Db, cls: ClassInfo, week: string, now: Date) {
  if (weekStart(week) > shanghaiDate(now)) throw invalid('params.week', 'school.futureWeek');
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  if (!cal.weekExists(week)) throw invalid('params.week', 'school.weekNotSchool', { week });
}

/**
 * One side of the book: the teacher's (`school`) or the guardian's (`home`). Both write the same
 * way — three fields, the author, when the words were written (an edit is a new writing, a re-save
 * of the same words is not) and, for new words, the other side's receipt cleared (the receipt
 * applies to what they saw) — into their own columns.
 */
const SIDES = {
  school: {
    fields: ['school_at_school', 'school_suggestion', 'school_encouragement'],
    author: 'school_author_id',
    authorName: 'school_author_name',
    writtenAt: 'school_written_at',
    otherRead: 'read_by_home_at',
    need: 'writeSchool',
    audit: ['heartBridge.schoolSideWrite', 'heartBridge.schoolSideUpdate'],
  },
  home: {
    fields: ['home_at_home', 'home_suggestion', 'home_encouragement'],
    author: 'home_author_id',
    authorName: 'home_author_name',
    writtenAt: 'home_written_at',
    otherRead: 'read_by_school_at',
    need: 'writeHome',
    audit: ['heartBridge.homeSideWrite', 'heartBridge.homeSideUpdate'],
  },
} as const;

/** The one write path for both sides (school and home): one call, one transaction, one clock. */
export async function writeSide(call: WriteCall, side: keyof typeof SIDES, studentId: string, week: string, words: [string, string, string]) {
  const { tx, ctx, actor, now, iso: at } = call;
  const s = SIDES[side];
  const { reach, student } = await studentFor(tx, actor, studentId, s.need);
  await checkWritableWeek(tx, student.cls, week, now);
  const before = await repo.findNote(tx, studentId, week);
  const changed = !before || s.fields.some((f, i) => before[f] !== words[i]);
  const after = await repo.upsertSide(
    tx,
    { id: newId(), school_id: student.cls.schoolId, class_id: student.cls.id, student_id: studentId, week, created_at: at, updated_at: at },
    {
      ...Object.fromEntries(s.fields.map((f, i) => [f, words[i]])),
      [s.author]: actor.accountId,
      [s.authorName]: actor.displayName,
      [s.writtenAt]: changed ? at : before![s.writtenAt],
      ...(changed && before?.[s.otherRead] ? { [s.otherRead]: null } : {}),
      ...movedFrom(before, student),
    },
  );
  await refreshStats(tx, student, week, before, after);
  await recordAudit(tx, ctx, {
    action: before?.[s.writtenAt] ? s.audit[1] : s.audit[0],
    entityType: 'heartBridgeNote',
    entityId: after.id,
    orgId: student.cls.id,
    changes: { week, studentId, changed },
  });
  return present(student, week, after, {
    writeSchool: side === 'school' || reach.teaches(student.cls.id),
    writeHome: side === 'home' || reach.isGuardianOf(studentId),
  });
}

/** The caller read the other side's words: stamps the receipt once (a second read keeps the first time). */
export async function markRead(call: WriteCall, studentId: string, week: string, by: 'school' | 'home') {
  const { tx, ctx, actor, iso } = call;
  const { reach, student } = await studentFor(tx, actor, studentId, by === 'school' ? 'readAsSchool' : 'readAsHome');
  const note = await repo.findNote(tx, studentId, week);
  const written = by === 'school' ? note?.home_written_at : note?.school_written_at;
  if (!note || !written) throw new AppError(409, 'conflict', 'heartBridge.nothingToRead');
  const column = by === 'school' ? 'read_by_school_at' : 'read_by_home_at';
  if (await repo.setRead(tx, note.id, column, iso)) {
    await repo.refreshWeekStats(tx, note.class_id, week, note.school_id);
    await recordAudit(tx, ctx, {
      action: 'heartBridge.read',
      entityType: 'heartBridgeNote',
      entityId: note.id,
      orgId: student.cls.id,
      changes: { by, week },
    });
  }
  return present(student, week, await repo.findNote(tx, studentId, week), {
    writeSchool: reach.teaches(student.cls.id),
    writeHome: reach.isGuardianOf(studentId),
  });
}

export async function timeline(call: Call, studentId: string, q: { page: number; pageSize: number; order: 'asc' | 'desc'; sort?: 'week'; termId?: string }) {
  const { db, actor } = call;
  const { reach, student } = await studentFor(db, actor, studentId, 'read');
  let range: { fromWeek?: string; toWeek?: string } = {};
  if (q.termId) {
    const cal = await loadSchoolCalendar(db, student.cls.schoolId, student.cls.path);
    const term = cal.terms.find((t) => t.id === q.termId);
    if (!term) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    range = { fromWeek: weekOf(term.start_date), toWeek: weekOf(term.end_date) };
  }
  // Newest first unless asked otherwise: a timeline is read from today backwards.
  const order = q.sort ? q.order : 'desc';
  const [rows, count] = await repo.timeline(db, studentId, { ...range, order, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const may = { writeSchool: reach.teaches(student.cls.id), writeHome: reach.isGuardianOf(studentId) };
  return { items: rows.map((n) => present(student, n.week, n, may)), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

// ── class week view ───────────────────────────────────────────────

export async function classWeek(
  call: Call,
  classId: string,
  week: string,
  q: { page: number; pageSize: number; sort?: 'name' | 'status'; order: 'asc' | 'desc'; status?: Status },
) {
  const { db, actor } = call;
  const { cls } = await classFor(db, actor, classId);
  const students = await studentsOfClass(db, cls.id);
  const notes = new Map(
    (
      await repo.notesOfWeek(
        db,
        students.map((s) => s.id),
        week,
      )
    ).map((n) => [n.student_id, n]),
  );
  const statusRank: Record<Status, number> = { none: 0, schoolOnly: 1, homeOnly: 2, twoWay: 3 };
  let rows = students.map((s) => {
    const n = notes.get(s.id);
    return {
      studentId: s.id,
      studentName: s.name,
      noteId: n?.id ?? null,
      status: statusOf(n),
      schoolWrittenAt: n?.school_written_at ?? null,
      homeWrittenAt: n?.home_written_at ?? null,
      readBySchoolAt: n?.read_by_school_at ?? null,
      readByHomeAt: n?.read_by_home_at ?? null,
    };
  });
  if (q.status) rows = rows.filter((r) => r.status === q.status);
  const dir = q.order === 'desc' ? -1 : 1;
  if (q.sort === 'status') rows.sort((a, b) => dir * (statusRank[a.status] - statusRank[b.status]) || comparePinyin(a.studentName, b.studentName));
  else rows.sort((a, b) => dir * comparePinyin(a.studentName, b.studentName));
  const start = (q.page - 1) * q.pageSize;
  return {
    classId: cls.id,
    className: cls.name,
    week,
    weekStart: weekStart(week),
    weekEnd: weekEnd(week),
    items: rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every page of a class in one week, with names, for the printed book. */
export async function classWeekPages(call: Call, classId: string, week: string) {
  const { db, actor } = call;
  const { cls } = await classFor(db, actor, classId);
  const students = (await studentsOfClass(db, cls.id)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const notes = new Map(
    (
      await repo.notesOfWeek(
        db,
        students.map((s) => s.id),
        week,
      )
    ).map((n) => [n.student_id, n]),
  );
  const label = termWeekLabel(await loadSchoolCalendar(db, cls.schoolId, cls.path), week);
  return {
    cls,
    week,
    label,
    pages: students.map((s) => present({ id: s.id, name: s.name, cls }, week, notes.get(s.id), { writeSchool: false, writeHome: false })),
  };
}

// ── dashboards ────────────────────────────────────────────────────

function byClass<T extends { org_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.org_id);
    if (list) list.push(r);
    else m.set(r.org_id, [r]);
  }
  return m;
}

export async function classDashboard(call: Call, classId: string, q: { termId?: string; week?: string; asOf?: string }) {
  const { db, actor, now } = call;
  const { cls } = await classFor(db, actor, classId);
  const today = q.asOf ?? shanghaiDate(now);
  const cal = await loadSchoolCalendar(db, cls.schoolId, cls.path);
  const term = pickTerm(cal, q.termId, today);
  const weeks = cal.weeksOfTerm(term, today);
  const counts = await loadWeekCounts(db, [{ id: cls.id, cal }], () => weeks);
  const week = q.week ?? weeks[weeks.length - 1];
  let selected: WeekCounts | undefined = counts.find((c) => c.week === week);
  if (!selected && week && cal.weekExists(week)) selected = (await loadWeekCounts(db, [{ id: cls.id, cal }], () => [week]))[0];
  const students = await studentsOfClass(db, cls.id);
  const noExchange = await studentsWithoutExchange(db, [{ id: cls.id, cal, students }], term, today);
  return {
    classId: cls.id,
    className: cls.name,
    termId: term.id,
    termName: term.name,
    week: selected ? figures(selected) : null,
    trend: counts.map((c) => figures(c)),
    noExchange: noExchange.map((r) => ({ ...r, className: cls.name })).sort((a, b) => b.weeks - a.weeks || comparePinyin(a.studentName, b.studentName)),
  };
}

interface SchoolView {
  school: { id: string; name: string; path: string };
  term: TermRef;
  today: string;
  classes: ClassWithCalendar[];
}

async function schoolView(call: Call, schoolId: string, q: { termId?: string; asOf?: string }): Promise<SchoolView> {
  const { db, actor, now } = call;
  const { school } = await schoolFor(db, actor, schoolId);
  const today = q.asOf ?? shanghaiDate(now);
  return { school, today, ...(await schoolClasses(db, school, q.termId, today)) };
}

function classRows(view: SchoolView, counts: WeekCounts[], week: string | undefined) {
  const byClass = new Map(counts.filter((c) => c.week === week).map((c) => [c.classId, c]));
  return view.classes
    .filter((c) => byClass.has(c.id))
    .map((c) => ({ ...figures(byClass.get(c.id)!), classId: c.id, className: c.name, gradeId: c.gradeId, gradeName: c.gradeName, counts: byClass.get(c.id)! }));
}

function trendOf(counts: WeekCounts[]) {
  const byWeek = new Map<string, WeekCounts[]>();
  for (const c of counts) {
    const list = byWeek.get(c.week);
    if (list) list.push(c);
    else byWeek.set(c.week, [c]);
  }
  // The school's weeks drill into its student-weeks of each week (a class's or a grade's have no list of their own).
  return [...byWeek.keys()].sort().map((w) => figures(sumCounts(byWeek.get(w)!, '', w), weekPeriod(w)));
}

async function schoolCounts(db: Db, view: SchoolView, week?: string, roster?: Map<string, number>) {
  const weeksOf = (c: ClassCal) => {
    const ws = c.cal.weeksOfTerm(view.term, view.today);
    return week && !ws.includes(week) && c.cal.weekExists(week) ? [...ws, week] : ws;
  };
  const counts = await loadWeekCounts(db, view.classes, weeksOf, roster);
  const termWeeks = [...new Set(view.classes.flatMap((c) => c.cal.weeksOfTerm(view.term, view.today)))].sort();
  const selected = week ?? termWeeks[termWeeks.length - 1];
  return { counts: counts.filter((c) => termWeeks.includes(c.week) || c.week === selected), termWeeks, selected };
}

export async function schoolDashboard(call: Call, schoolId: string, q: { termId?: string; week?: string; asOf?: string }) {
  const { db } = call;
  const view = await schoolView(call, schoolId, q);
  const { roster, silent: noExchangeCount } = await rosterAndSilence(db, view.classes, view.term, view.today);
  const { counts, termWeeks, selected } = await schoolCounts(db, view, q.week, roster);
  const rows = classRows(view, counts, selected);
  const grades = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = grades.get(r.gradeId ?? '');
    if (list) list.push(r);
    else grades.set(r.gradeId ?? '', [r]);
  }
  return {
    schoolId: view.school.id,
    schoolName: view.school.name,
    termId: view.term.id,
    termName: view.term.name,
    week: rows.length
      ? figures(
          sumCounts(
            rows.map((r) => r.counts),
            '',
            selected,
          ),
          selected ? weekPeriod(selected) : undefined,
        )
      : null,
    byGrade: [...grades.values()].map((rs) => ({
      ...figures(
        sumCounts(
          rs.map((r) => r.counts),
          '',
          selected,
        ),
      ),
      gradeId: rs[0].gradeId,
      gradeName: rs[0].gradeName,
    })),
    classes: rows.map(({ counts: _c, ...r }) => r),
    trend: trendOf(counts.filter((c) => termWeeks.includes(c.week))),
    noExchangeCount,
  };
}

type CoverageSort = 'className' | 'coverage' | 'replyRate' | 'readRate';

export type CoverageQuery = { termId?: string; week?: string; gradeId?: string; asOf?: string; sort?: CoverageSort; order: 'asc' | 'desc' };

/** Every class's coverage of a school week, filtered and sorted: what the list pages and the export writes. */
export async function coverageRows(call: Call, schoolId: string, q: CoverageQuery) {
  const { db } = call;
  const view = await schoolView(call, schoolId, q);
  const { counts, selected } = await schoolCounts(db, view, q.week);
  let rows = classRows(view, counts, selected).map(({ counts: _c, ...r }) => r);
  if (q.gradeId) rows = rows.filter((r) => r.gradeId === q.gradeId);
  const dir = q.order === 'desc' ? -1 : 1;
  const key = q.sort ?? 'className';
  const rate = (r: (typeof rows)[number], k: Exclude<CoverageSort, 'className'>) => exactRate(r[k === 'coverage' ? 'coverage' : k]) ?? -1;
  rows.sort((a, b) =>
    key === 'className' ? dir * compareNames(a.className, b.className) : dir * (rate(a, key) - rate(b, key)) || compareNames(a.className, b.className),
  );
  return { week: selected ?? null, schoolName: view.school.name, rows };
}

export async function coverageList(call: Call, schoolId: string, q: CoverageQuery & { page: number; pageSize: number }) {
  const { week, rows } = await coverageRows(call, schoolId, q);
  const start = (q.page - 1) * q.pageSize;
  return { week, items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}

export async function noExchangeList(
  call: Call,
  schoolId: string,
  q: {
    termId?: string;
    classId?: string;
    minWeeks: number;
    asOf?: string;
    sort?: 'weeks' | 'name' | 'className';
    order: 'asc' | 'desc';
    page: number;
    pageSize: number;
  },
) {
  const { db } = call;
  const view = await schoolView(call, schoolId, q);
  const classes = q.classId ? view.classes.filter((c) => c.id === q.classId) : view.classes;
  const students = byClass(
    await studentsOfClasses(
      db,
      classes.map((c) => c.id),
    ),
  );
  const names = new Map(classes.map((c) => [c.id, c.name]));
  const rows = (
    await studentsWithoutExchange(
      db,
      classes.map((c) => ({ id: c.id, cal: c.cal, students: students.get(c.id) ?? [] })),
      view.term,
      view.today,
      q.minWeeks,
    )
  ).map((r) => ({ ...r, className: names.get(r.classId) ?? '' }));
  const dir = q.order === 'desc' ? -1 : 1;
  const sort = q.sort ?? 'weeks';
  rows.sort((a, b) =>
    sort === 'weeks'
      ? dir * (a.weeks - b.weeks) || compareNames(a.className, b.className) || comparePinyin(a.studentName, b.studentName)
      : sort === 'name'
        ? dir * comparePinyin(a.studentName, b.studentName)
        : dir * compareNames(a.className, b.className) || comparePinyin(a.studentName, b.studentName),
  );
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}

// ── quick phrases ─────────────────────────────────────────────────

export async function getPhrases(call: Call, schoolId: string) {
  const { db, actor } = call;
  await schoolFor(db, actor, schoolId, 'touch');
  const rows = await repo.phrasesOf(db, schoolId);
  if (!rows.length) return { ...DEFAULT_PHRASES, custom: false };
  return { school: rows.filter((r) => r.side === 'school').map((r) => r.text), home: rows.filter((r) => r.side === 'home').map((r) => r.text), custom: true };
}

export async function putPhrases(call: WriteCall, schoolId: string, input: { school: string[]; home: string[] }) {
  const { tx, ctx, actor, iso: at } = call;
  const { school } = await schoolFor(tx, actor, schoolId, 'touch');
  if (!hasPermission(actor, P.managePhrases, school.path)) throw forbidden();
  const rows = (['school', 'home'] as const).flatMap((side) =>
    input[side].map((text, i) => ({ id: newId(), school_id: schoolId, side, text, sort_order: i, created_at: at })),
  );
  await repo.replacePhrases(tx, schoolId, rows);
  await recordAudit(tx, ctx, { action: 'heartBridge.phrasesUpdate', entityType: 'heartBridgePhrases', entityId: schoolId, orgId: schoolId, changes: input });
  return { ...input, custom: true };
}
