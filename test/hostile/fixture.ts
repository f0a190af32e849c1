/**
 * The world the fuzzer attacks: the harness — a union (appeals' testkit world: group → mines →
 * departments → teams, staff, a handler) and a school (school's testkit world: two classes,
 * students, guardians, teachers, a term), a sysAdmin and a worker with a person — and on top the
 * parts' records (test/authz/part.ts: core's and each module's `<m>.world.ts`), in their order.
 * Path parameters are filled with these real ids, so an invalid body on a real record reaches the
 * handler's deeper code instead of stopping at 404.
 */
import { sql } from 'kysely';
import type { TestEnv } from '../app.js';
import { appealsWorld } from '../../server/modules/appeals/appeals.testkit.js';
import { schoolWorld } from '../../server/modules/school/school.testkit.js';
import { NOWHERE_ID } from './strings.js';
import { SAMPLE_DATE } from './sample.js';
import { loadParts, recordNames } from '../authz/part.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const WEEK = '2026-W47';

export async function hostileWorld(t: TestEnv) {
  const admin = await t.user([{ role: 'sysAdmin', org: null }]);
  const u = await appealsWorld(t);
  const s = await schoolWorld(t);
  const worker = await u.worker({ name: '王建国' });

  const guardian = await t.db.selectFrom('guardian_links').select('guardian_id').where('student_id', '=', s.a1.id).executeTakeFirst();
  const teacher = await t.db.selectFrom('class_teachers').select('teacher_id').where('class_id', '=', s.classA.id).executeTakeFirst();
  const otherTeacher = await t.db.selectFrom('class_teachers').select('teacher_id').where('class_id', '=', s.classB.id).executeTakeFirst();
  const otherGuardian = await t.db.selectFrom('guardian_links').select('guardian_id').where('student_id', '=', s.b1.id).executeTakeFirst();

  /** The record a path's `{id}` names, by the collection in front of it (every one is a part's). */
  const byCollection: Record<string, string> = {};
  /** Path parameters: the harness's school people, the fixed week and date; the parts' records. */
  const byName: Record<string, string> = {
    studentId: s.a1.id,
    classId: s.classA.id,
    schoolId: s.school.id,
    guardianId: guardian?.guardian_id ?? NOWHERE_ID,
    teacherId: teacher?.teacher_id ?? NOWHERE_ID,
    week: WEEK,
    date: SAMPLE_DATE,
  };
  /** Real values for body properties and required query parameters of the same name (the parts add theirs: `named`). */
  const unionNamed: Record<string, unknown> = {
    orgId: u.group.id,
    parentId: u.prod1.id,
    departmentId: u.prod2.id,
    studentId: s.a1.id,
    classId: s.classA.id,
    schoolId: s.school.id,
    gradeId: s.grade1.id,
    from: '2026-11-01',
    to: '2026-11-30',
    week: WEEK,
    url: 'http://127.0.0.1:9/hook',
    teacherId: otherTeacher?.teacher_id ?? NOWHERE_ID,
    guardianId: otherGuardian?.guardian_id ?? NOWHERE_ID,
    startDate: '2027-02-20',
    endDate: '2027-07-10',
    uploadFields: { orgId: u.group.id, data: JSON.stringify({ date: '2026-11-19', status: 'held', topic: '节约', reflection: '上传测试' }) },
  };

  // Each part's records for the fuzzer come from its world file; its body fields apply to the paths naming its records.
  const partFields: { names: Set<string>; fields: Record<string, unknown> }[] = [];
  for (const part of await loadParts()) {
    if (!part.hostile) continue;
    const got = await part.hostile.build({ t, admin, u, s, worker, built: { ids: byCollection, params: byName, named: unionNamed } });
    Object.assign(byCollection, got.ids);
    Object.assign(byName, got.params);
    Object.assign(unionNamed, got.named);
    if (got.fields) partFields.push({ names: new Set([...Object.keys(got.ids ?? {}), ...Object.keys(got.params ?? {})]), fields: got.fields });
  }
  const fieldsFor = (path: string) => Object.assign({}, ...partFields.filter((p) => recordNames(path).some((n) => p.names.has(n))).map((p) => p.fields));

  /** School routes name orgs inside the school (a closure for one grade, a class's people). */
  const schoolNamed = { ...unionNamed, orgId: s.grade1.id, parentId: s.grade1.id };
  const SCHOOL_PATHS = /\/(school|heart-bridge|moral-education)\/|\{classId\}|\{studentId\}/;

  return {
    admin,
    staff: u.staff,
    parent: s.users.gA1,
    head: s.users.headA,
    worker,
    appealId: byCollection.appeals,
    pathValue(path: string, name: string): string | undefined {
      if (name !== 'id') return byName[name];
      const segs = path.split('/');
      const at = segs.indexOf('{id}');
      return byCollection[segs[at - 1]];
    },
    named: (path: string) => ({ ...(SCHOOL_PATHS.test(path) ? schoolNamed : unionNamed), ...fieldsFor(path) }),
  };
}

export type HostileWorld = Awaited<ReturnType<typeof hostileWorld>>;

/** [body, headers] of a multipart upload of a real PNG, for Client.request. */
export function uploadPng(): [Buffer, Record<string, string>] {
  const boundary = '----xqfixture';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="工资条.png"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return [body, { 'content-type': `multipart/form-data; boundary=${boundary}` }];
}

/** Row counts of every table, to prove an invalid request wrote nothing. */
export async function tableCounts(t: TestEnv, skip: string[]): Promise<Record<string, number>> {
  const tables = (await t.db.introspection.getTables()).map((x) => x.name).filter((n) => !skip.includes(n) && !n.startsWith('kysely_') && !n.includes('_fts'));
  const out: Record<string, number> = {};
  for (const name of tables.sort()) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(t.db);
    out[name] = Number(r.rows[0].n);
  }
  return out;
}
