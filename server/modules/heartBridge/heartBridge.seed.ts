/**
 * Demo 心桥 pages for the demo school: every week of the current term so far (and the
 * previous term when this one has barely begun). Most weeks are two-way, some one-way,
 * some empty, and a few students go quiet for several weeks, so every indicator and the
 * no-exchange list have something to show. Deterministic: the same seed gives the same book.
 */
import type { Db } from '../../core/db/database.js';
import { newId } from '../../core/ids.js';
import { shanghaiDate } from '../../core/calendar/calendar.js';
import {
  allSchools,
  classesUnder,
  loadSchoolCalendarSource,
  studentsOfClasses,
  teachersOfClasses,
  type SchoolCalendar,
  type TermRef,
} from '../school/index.js';
import * as repo from './heartBridge.repository.js';
import { DEFAULT_PHRASES } from './heartBridge.messages.js';
import { Rng } from '../../core/random.js';

const AT_SCHOOL = [
  '本周上课专注，数学课上主动举手回答问题。',
  '语文默写全对，字迹比上周工整了不少。',
  '课间和同学相处融洽，主动帮忙打扫教室。',
  '英语单词听写有进步，口语还可以再大胆一些。',
  '体育课八百米坚持跑完，很有毅力。',
  '有两次作业没有按时交，下周要注意。',
  '物理实验操作认真，记录完整清楚。',
  '上课偶尔走神，提醒后能及时调整状态。',
  '本周担任值日班长，管理认真负责。',
  '作文《我的家乡》写得真挚，在班上朗读了。',
  '数学单元测验错题已经订正，思路清楚。',
  '午间十分钟分享了一个小故事，同学们都很爱听。',
];
const SCHOOL_SUGGESTION = [
  '请督促孩子每天朗读英语十五分钟。',
  '周末可以带孩子去图书馆看看书。',
  '请关注孩子的作息，保证充足睡眠。',
  '建议每天抽查一次作业完成情况。',
  '可以和孩子一起制定一个周计划。',
  '',
];
const AT_HOME = [
  '在家能主动完成作业，晚上九点半前睡觉。',
  '周末帮妈妈做饭，还学会了炒鸡蛋。',
  '玩手机的时间有点长，我们正在和孩子约定。',
  '每天坚持跳绳十分钟，精神很好。',
  '和弟弟相处融洽，还会给弟弟讲题。',
  '这周有点累，作业写到比较晚。',
  '主动整理了自己的房间和书桌。',
  '周日和爷爷一起去公园，回来写了日记。',
];
const HOME_SUGGESTION = ['希望老师多鼓励孩子在课上发言。', '孩子说数学有些跟不上，麻烦老师多关注。', '感谢老师的耐心，我们会配合学校。', '', ''];

/** A Shanghai wall-clock time on a date, as a UTC ISO instant. */
const at = (date: string, hour: number, minute: number) =>
  new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`)).toISOString();
const plusDays = (date: string, n: number) => new Date(Date.parse(date + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);

function seedWeeks(cal: SchoolCalendar, today: string): string[] {
  const current = cal.currentOrLastTerm(today);
  if (!current) return [];
  const weeks = cal.weeksOfTerm(current, today);
  if (weeks.length >= 6) return weeks;
  const previous = [...cal.terms].reverse().find((t: TermRef) => t.end_date < current.start_date);
  return previous ? [...cal.weeksOfTerm(previous), ...weeks] : weeks;
}

export async function seedHeartBridgeDemo(db: Db, now: Date): Promise<void> {
  const schools = await allSchools(db);
  const school = schools.find((s) => s.name === '实验中学') ?? schools[0];
  if (!school || (await repo.hasNotes(db, school.id))) return;
  const today = shanghaiDate(now);
  const src = await loadSchoolCalendarSource(db, school.id);
  const classes = await classesUnder(db, school.path);
  const students = await studentsOfClasses(
    db,
    classes.map((c) => c.id),
  );
  if (!students.length) return;

  // Who writes: the class's teachers (accounts when they have one) and each student's guardians.
  const teacherRows = await teachersOfClasses(
    db,
    classes.map((c) => c.id),
  );
  const guardianRows = await repo.guardianWriters(
    db,
    students.map((s) => s.id),
  );
  const demoChildren = new Set(guardianRows.filter((g) => g.account_id).map((g) => g.student_id));

  const random = new Rng(20260901);
  const rand = () => random.next();
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const twoOf = (list: string[]) => {
    const i = Math.floor(rand() * list.length);
    return rand() < 0.5 ? list[i] : list[i] + list[(i + 1 + Math.floor(rand() * (list.length - 1))) % list.length];
  };
  const rows: repo.NoteRow[] = [];
  const stamp = now.toISOString();
  const notLater = (iso: string) => (iso > stamp ? stamp : iso);
  for (const cls of classes) {
    const cal = await src.forOrg(cls.path);
    const weeks = seedWeeks(cal, today);
    const teachers = teacherRows.filter((t) => t.class_id === cls.id);
    const head = teachers.find((t) => t.duty === 'head') ?? teachers[0];
    const roster = students.filter((s) => s.org_id === cls.id);
    // Two students per class fall silent for the last three weeks: the no-exchange list is not empty.
    const quiet = new Set(
      roster
        .filter((s) => !demoChildren.has(s.id))
        .slice(3, 5)
        .map((s) => s.id),
    );
    for (const [wi, week] of weeks.entries()) {
      const last = cal.lastSchoolDayOfWeek(week)!;
      const isCurrent = wi === weeks.length - 1 && last >= today;
      for (const s of roster) {
        let r = rand();
        if (quiet.has(s.id) && wi >= weeks.length - 3) r = 0.99;
        // A demo guardian's child: the latest school week (the one the family page opens on,
        // whatever the weekday) has the teacher's words and waits for the family's.
        if (demoChildren.has(s.id)) r = wi === weeks.length - 1 ? 0.75 : Math.min(r, 0.6);
        // 0–.68 two-way, .68–.80 school only, .80–.85 home only, .85– nothing
        // Only a teacher of the class writes its school side: a class without one gets none.
        const bySchool = !!head && r < 0.8 && !(isCurrent && r >= 0.3 && r < 0.68);
        const byHome = (r < 0.68 && !isCurrent) || (r >= 0.8 && r < 0.85);
        if (!bySchool && !byHome) continue;
        const writer = (rand() < 0.8 || teachers.length < 2 ? head : pick(teachers))!;
        const guardian = pick(guardianRows.filter((g) => g.student_id === s.id)) as (typeof guardianRows)[number] | undefined;
        const schoolAt = notLater(at(last > today ? today : last, 15 + Math.floor(rand() * 3), Math.floor(rand() * 60)));
        const homeDay = plusDays(last, 1 + Math.floor(rand() * 2));
        const homeAt = notLater(at(homeDay > today ? today : homeDay, 19 + Math.floor(rand() * 2), Math.floor(rand() * 60)));
        rows.push({
          id: newId(),
          school_id: school.id,
          class_id: cls.id,
          student_id: s.id,
          week,
          school_at_school: bySchool ? twoOf(AT_SCHOOL) : null,
          school_suggestion: bySchool ? pick(SCHOOL_SUGGESTION) : null,
          school_encouragement: bySchool ? pick(DEFAULT_PHRASES.school) : null,
          school_author_id: bySchool ? writer.account_id : null,
          school_author_name: bySchool ? (writer.display_name ?? writer.name) : null,
          school_written_at: bySchool ? schoolAt : null,
          home_at_home: byHome ? pick(AT_HOME) : null,
          home_suggestion: byHome ? pick(HOME_SUGGESTION) : null,
          home_encouragement: byHome ? pick(DEFAULT_PHRASES.home) : null,
          home_author_id: byHome ? (guardian?.account_id ?? null) : null,
          home_author_name: byHome ? (guardian?.display_name ?? guardian?.name ?? '家长') : null,
          home_written_at: byHome ? homeAt : null,
          read_by_home_at: bySchool && byHome ? homeAt : bySchool && rand() < 0.5 && !isCurrent ? notLater(at(plusDays(last, 1), 20, 5)) : null,
          read_by_school_at: byHome && bySchool && rand() < 0.85 ? notLater(at(plusDays(homeDay > today ? today : homeDay, 1), 12, 40)) : null,
          created_at: stamp,
          updated_at: stamp,
        });
      }
    }
  }
  await repo.insertNotes(db, rows);
  await repo.rebuildWeekStats(db, school.id);
}
