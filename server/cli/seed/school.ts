/**
 * A junior middle school: grades 初一–初三 with their classes, the academic office, the
 * teaching staff (each class has one head teacher and six subject teachers), students and
 * their guardians.
 */
import type { PersonTable } from '../../core/db/schema.js';
import { fullName, randomBirthDate, surname, type Gender, type IdentityPool } from './identity.js';
import type { Rng } from '../../core/random.js';
import type { OrgNode, Roster } from './roster.js';

export const GRADES = ['初一', '初二', '初三'] as const;

/** Subjects each class is taught by its own teachers, per grade (physics from 初二, chemistry in 初三). */
export const GRADE_SUBJECTS: readonly (readonly string[])[] = [
  ['语文', '数学', '英语', '道德与法治', '地理', '生物'],
  ['语文', '数学', '英语', '物理', '历史', '地理'],
  ['语文', '数学', '英语', '物理', '化学', '道德与法治'],
];

/** Main subjects: one teacher takes two classes; the others take three. */
const MAIN = new Set(['语文', '数学', '英语']);
/** Taught across classes without a fixed class teacher. */
const SCHOOL_WIDE: readonly (readonly [string, number])[] = [
  ['体育', 4],
  ['音乐', 8],
  ['美术', 8],
  ['信息技术', 8],
];
/** Head teachers come from the main-subject teachers of their class, in turn. */
const HEAD_SUBJECTS = ['语文', '数学', '英语'];

const OFFICE_STAFF: readonly (readonly [string, string])[] = [
  ['教务主任', '数学'],
  ['教务副主任', '语文'],
  ['教务干事', '英语'],
];

export type GuardianRelation = 'father' | 'mother' | 'grandfather' | 'grandmother';

export interface BuiltClass {
  node: OrgNode;
  grade: number;
  head: PersonTable;
  subjectTeachers: Map<string, PersonTable>;
  students: PersonTable[];
  guardians: Map<string, { person: PersonTable; relation: GuardianRelation }[]>;
}

export interface BuiltSchool {
  school: OrgNode;
  grades: OrgNode[];
  office: OrgNode;
  classes: BuiltClass[];
  teachers: PersonTable[];
  students: PersonTable[];
  guardians: PersonTable[];
}

export interface SchoolOptions {
  name: string;
  code: string | null;
  year: number;
  /** Month 1–12 of "now": the school year starts in September. */
  month: number;
  classesPerGrade: number;
  studentsPerClass: readonly [min: number, max: number];
  /** Prefix of staff numbers, so numbers stay unique across schools. */
  staffPrefix: string;
}

export function buildSchool(roster: Roster, rng: Rng, pool: IdentityPool, parent: OrgNode | null, opts: SchoolOptions): BuiltSchool {
  const school = roster.org(parent, 'school', opts.name, opts.code);
  const grades = GRADES.map((g) => roster.org(school, 'grade', g));
  const office = roster.org(school, 'office', '教务处');
  const schoolYear = opts.month >= 9 ? opts.year : opts.year - 1;
  const teachers: PersonTable[] = [];
  let staffSeq = 0;

  const teacher = (org: OrgNode, subject: string, position = '教师') => {
    const gender: Gender = rng.chance(0.7) ? 'female' : 'male';
    const birth = randomBirthDate(rng, opts.year - 58, opts.year - 23);
    const row = roster.person(org, {
      kind: 'teacher',
      name: fullName(rng, gender, 'adult'),
      gender,
      employee_no: `${opts.staffPrefix}${String(++staffSeq).padStart(4, '0')}`,
      position,
      union_member: rng.chance(0.97) ? 1 : 0,
      phone: pool.phone(),
      id_number: pool.idNumber(birth, gender),
      birth_date: birth,
      subject,
    });
    teachers.push(row);
    return row;
  };

  const classes: BuiltClass[] = grades.flatMap((grade, g) =>
    Array.from({ length: opts.classesPerGrade }, (_, i) => ({
      node: roster.org(grade, 'class', `${GRADES[g]}（${i + 1}）班`),
      grade: g,
      head: undefined as unknown as PersonTable,
      subjectTeachers: new Map<string, PersonTable>(),
      students: [],
      guardians: new Map(),
    })),
  );

  // Staff each subject: enough teachers for its classes at a realistic load, plus a few
  // more who teach elsewhere this term (as every school roster has).
  const subjects = [...new Set(GRADE_SUBJECTS.flat())];
  for (const subject of subjects) {
    const taught = classes.filter((c) => GRADE_SUBJECTS[c.grade].includes(subject));
    const load = MAIN.has(subject) ? 2 : 3;
    const staff: PersonTable[] = [];
    taught.forEach((c, k) => {
      const t = Math.floor(k / load);
      staff[t] ??= teacher(school, subject);
      c.subjectTeachers.set(subject, staff[t]);
    });
    const spare = Math.ceil(staff.length / 3);
    for (let i = 0; i < spare; i++) teacher(school, subject);
  }
  for (const [subject, classesPerTeacher] of SCHOOL_WIDE) {
    const n = Math.ceil(classes.length / classesPerTeacher);
    for (let i = 0; i < n; i++) teacher(school, subject);
  }
  for (const [position, subject] of OFFICE_STAFF) teacher(office, subject, position);

  // A teacher whose classes all sit in one grade belongs to that grade's team (年级组).
  const gradesOf = new Map<string, Set<number>>();
  for (const c of classes) for (const t of c.subjectTeachers.values()) (gradesOf.get(t.id) ?? gradesOf.set(t.id, new Set()).get(t.id)!).add(c.grade);
  for (const t of teachers) {
    const gs = gradesOf.get(t.id);
    if (gs?.size === 1) t.org_id = grades[[...gs][0]].id;
  }

  const students: PersonTable[] = [];
  const guardians: PersonTable[] = [];
  classes.forEach((c, ci) => {
    const indexInGrade = ci % opts.classesPerGrade;
    c.head = c.subjectTeachers.get(HEAD_SUBJECTS[indexInGrade % HEAD_SUBJECTS.length])!;
    roster.teach(c.node.id, c.head.id, 'head', null);
    for (const [subject, t] of c.subjectTeachers) roster.teach(c.node.id, t.id, 'subject', subject);

    const enrolled = schoolYear - c.grade;
    const size = rng.int(opts.studentsPerClass[0], opts.studentsPerClass[1]);
    const names = new Set<string>();
    for (let s = 0; s < size; s++) {
      const gender: Gender = rng.chance(0.52) ? 'male' : 'female';
      const family = surname(rng);
      let name = fullName(rng, gender, 'child', family);
      while (names.has(name)) name = fullName(rng, gender, 'child', family);
      names.add(name);
      const birth = randomBirthDate(rng, enrolled - 13, enrolled - 12);
      const student = roster.person(c.node, {
        kind: 'student',
        name,
        gender,
        employee_no: `${enrolled}${String(indexInGrade + 1).padStart(2, '0')}${String(s + 1).padStart(2, '0')}`,
        id_number: pool.idNumber(birth, gender),
        birth_date: birth,
      });
      c.students.push(student);
      students.push(student);
      const links = guardiansFor(rng, family, Number(birth.slice(0, 4))).map(({ relation, gender: gg, family: gf, born }) => {
        const gb = randomBirthDate(rng, born, born);
        const person = roster.person(c.node, {
          kind: 'guardian',
          name: fullName(rng, gg, relation.startsWith('grand') ? 'elder' : 'adult', gf),
          gender: gg,
          phone: pool.phone(),
          id_number: pool.idNumber(gb, gg),
          birth_date: gb,
        });
        guardians.push(person);
        roster.guardian(person.id, student.id, relation);
        return { person, relation };
      });
      c.guardians.set(student.id, links);
    }
  });

  return { school, grades, office, classes, teachers, students, guardians };
}

/** Usually both parents; sometimes one; a few children are raised by grandparents (留守儿童). */
function guardiansFor(rng: Rng, family: string, childBorn: number) {
  const parent = () => childBorn - rng.int(24, 36);
  const elder = () => childBorn - rng.int(48, 60);
  const father = { relation: 'father' as const, gender: 'male' as const, family, born: parent() };
  const mother = { relation: 'mother' as const, gender: 'female' as const, family: surname(rng), born: parent() };
  const r = rng.next();
  if (r < 0.6) return [father, mother];
  if (r < 0.83) return [mother];
  if (r < 0.94) return [father];
  const grandfather = { relation: 'grandfather' as const, gender: 'male' as const, family, born: elder() };
  const grandmother = { relation: 'grandmother' as const, gender: 'female' as const, family: surname(rng), born: elder() };
  return r < 0.97 ? [grandfather, grandmother] : [rng.chance(0.5) ? grandfather : grandmother];
}
