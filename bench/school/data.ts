/**
 * Benchmark data for the school practices at scale L: one large school of 20 000+ students
 * (3 grades × 150 classes, 42–48 students each, their guardians and teachers, built with the
 * demo seed's generators), its terms for three school years and the current one, and a 心桥
 * page for most students in most school weeks of those years (two-way, one-way or missing,
 * as in the demo). Written straight into the benchmark's SQLite file.
 */
import type { Db } from '../../server/core/db/database.js';
import { createAccount } from '../../server/core/accounts/accounts.service.js';
import { hashPassword } from '../../server/core/auth/password.js';
import { systemContext } from '../../server/core/context.js';
import { newId } from '../../server/core/ids.js';
import { IdentityPool } from '../../server/cli/seed/identity.js';
import { Rng } from '../../server/core/random.js';
import { Roster } from '../../server/cli/seed/roster.js';
import { buildSchool } from '../../server/cli/seed/school.js';
import { shanghaiDate } from '../../server/core/calendar/calendar.js';
import { loadSchoolCalendar } from '../../server/modules/school/index.js';
import { rebuildWeekStats } from '../../server/modules/heartBridge/index.js';

export interface SchoolBenchData {
  schoolId: string;
  classes: string[];
  /** Students of the first class, in roster order. */
  class1Students: string[];
  students: number;
  guardians: number;
  notes: number;
  weeks: string[];
  currentWeek: string;
  /** The latest week whose pages are all written (the dashboards' "last week"). */
  lastFullWeek: string;
  accounts: { principal: string; head: string; password: string };
}

const PASSWORD = 'bench-Passw0rd';

/** Classes per grade: 150 at scale L (20 000+ students); fewer for a quick iteration run. */
export const CLASSES_PER_GRADE: Record<string, number> = { S: 10, M: 40, L: 150 };

export async function generateSchoolData(db: Db, now = new Date(), classesPerGrade = 150): Promise<SchoolBenchData> {
  const roster = new Roster(now.toISOString());
  const rng = new Rng(0x5c001);
  const built = buildSchool(roster, rng.fork(1), new IdentityPool(rng.fork(2)), null, {
    name: '心桥基准中学',
    code: null,
    year: now.getUTCFullYear(),
    month: now.getUTCMonth() + 1,
    classesPerGrade,
    studentsPerClass: [42, 48],
    staffPrefix: 'XQB',
  });
  await db.transaction().execute((tx) => roster.write(tx));
  const schoolId = built.school.id;

  // Three full school years before this one, and this one.
  const y = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const terms = [];
  for (let yr = y - 3; yr <= y; yr++) {
    terms.push({ start: `${yr}-09-01`, end: `${yr + 1}-01-22`, name: `${yr} 秋` }, { start: `${yr + 1}-02-23`, end: `${yr + 1}-07-03`, name: `${yr + 1} 春` });
  }
  const stamp = now.toISOString();
  await (db as any)
    .insertInto('school_terms')
    .values(terms.map((t) => ({ id: newId(), school_id: schoolId, name: t.name, start_date: t.start, end_date: t.end, created_at: stamp, updated_at: stamp })))
    .execute();

  const today = shanghaiDate(now);
  const cal = await loadSchoolCalendar(db, schoolId, built.school.path);
  const weeks = terms
    .flatMap((t) => cal.weeksOfTerm({ id: '', name: t.name, start_date: t.start, end_date: t.end }, today))
    .filter((w, i, a) => a.indexOf(w) === i);
  const currentWeek = weeks[weeks.length - 1];
  const lastFullWeek = weeks[weeks.length - 2];

  const r = rng.fork(3);
  let notes = 0;
  const columns = 21;
  const chunk = Math.floor(30_000 / columns);
  for (const cls of built.classes) {
    const rows: Record<string, unknown>[] = [];
    const head = cls.head;
    for (const week of weeks) {
      const current = week === currentWeek;
      for (const s of cls.students) {
        const x = r.next();
        const bySchool = current ? x < 0.3 : x < 0.8;
        const byHome = !current && (x < 0.68 || (x >= 0.8 && x < 0.85));
        if (!bySchool && !byHome) continue;
        rows.push({
          id: newId(),
          school_id: schoolId,
          class_id: cls.node.id,
          student_id: s.id,
          week,
          school_at_school: bySchool ? '本周上课专注，作业认真。' : null,
          school_suggestion: bySchool ? '' : null,
          school_encouragement: bySchool ? '继续加油！' : null,
          school_author_id: null,
          school_author_name: bySchool ? head.name : null,
          school_written_at: bySchool ? stamp : null,
          home_at_home: byHome ? '在家按时完成作业。' : null,
          home_suggestion: byHome ? '' : null,
          home_encouragement: byHome ? '爸爸妈妈为你骄傲。' : null,
          home_author_id: null,
          home_author_name: byHome ? '家长' : null,
          home_written_at: byHome ? stamp : null,
          read_by_school_at: byHome && x < 0.6 ? stamp : null,
          read_by_home_at: bySchool && byHome ? stamp : null,
          created_at: stamp,
          updated_at: stamp,
        });
      }
    }
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += chunk)
        await (tx as any)
          .insertInto('heart_bridge_notes')
          .values(rows.slice(i, i + chunk))
          .execute();
    });
    notes += rows.length;
  }

  await rebuildWeekStats(db, schoolId);

  const hash = await hashPassword(PASSWORD);
  const class1 = built.classes[0];
  await createAccount(db, systemContext(), {
    username: 'bench.principal',
    password: PASSWORD,
    passwordHash: hash,
    displayName: '基准校长',
    grants: [{ role: 'principal', orgId: schoolId }],
  });
  await createAccount(db, systemContext(), {
    username: 'bench.head',
    password: PASSWORD,
    passwordHash: hash,
    displayName: '基准班主任',
    personId: class1.head.id,
    grants: [{ role: 'headTeacher', orgId: class1.node.id }],
  });
  return {
    schoolId,
    classes: built.classes.map((c) => c.node.id),
    class1Students: class1.students.map((s) => s.id),
    students: built.students.length,
    guardians: built.guardians.length,
    notes,
    weeks,
    currentWeek,
    lastFullWeek,
    accounts: { principal: 'bench.principal', head: 'bench.head', password: PASSWORD },
  };
}
