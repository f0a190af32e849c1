/**
 * The world the fuzzer attacks: a union (group → mines → departments → teams, staff, a
 * handler, a worker with a submitted appeal and an attachment) and a school (two classes,
 * students, guardians, teachers, a term, a closure, a 十分钟 session, a 心桥 page), plus
 * a sysAdmin. Path parameters are filled with these real ids, so an invalid body on a real
 * record reaches the handler's deeper code instead of stopping at 404.
 */
import { sql } from 'kysely';
import type { TestEnv } from '../app.js';
import { appealsWorld, wageAppeal } from '../../server/modules/appeals/appeals.testkit.js';
import { multipart, rosterXlsx } from '../../server/core/people/people.fixtures.js';
import { schoolWorld } from '../../server/modules/school/school.testkit.js';
import { NOWHERE_ID } from './strings.js';
import { newId, nowIso } from '../../server/core/ids.js';
import { SAMPLE_DATE } from './sample.js';
import { loadParts, recordNames } from '../authz/part.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const WEEK = '2026-W47';

async function must<T = any>(p: Promise<{ status: number; body: any; text: string }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`fixture: ${what} → ${r.status} ${r.text}`);
  return r.body as T;
}

export async function hostileWorld(t: TestEnv) {
  const admin = await t.user([{ role: 'sysAdmin', org: null }]);
  const u = await appealsWorld(t);
  const s = await schoolWorld(t);
  const worker = await u.worker({ name: '王建国' });
  const spareOrg = await t.org('备用班组', 'team', u.prod1);
  const sparePerson = await t.person(u.team1, { name: '备用人员' });
  const victim = await t.user([{ role: 'worker', org: u.team2 }]);

  const png = await worker.request('POST', '/api/v1/appeals/attachments', ...uploadPng());
  if (png.status !== 201) throw new Error(`fixture: attachment → ${png.status} ${png.text}`);
  const appeal = await must(
    worker.post('/api/v1/appeals', {
      category: 'wages',
      title: '加班费没有按时发放',
      description: '综采一队七月起加班费没有发放。',
      attachmentIds: [png.body.id],
    }),
    'appeal',
  );
  // Five workers with the same wage problem raise a group alert, so /group-alerts/{id} names a real one.
  for (let i = 0; i < 5; i++) {
    const w = await u.worker({ name: `同诉职工${i + 1}` });
    await must(w.post('/api/v1/appeals', wageAppeal()), 'similar appeal');
  }
  const roster = multipart(
    { orgId: u.team1.id },
    { name: '花名册.xlsx', content: await rosterXlsx([['李四', 'E9001', '职工', '合同制', '采煤工', '是', null, null, '男', '']]) },
  );
  await must(admin.request('POST', '/api/v1/imports/people', roster.body, roster.headers), 'import preview');
  await must(admin.post('/api/v1/auth/tokens', { name: '模糊测试令牌' }), 'token');
  await must(admin.post('/api/v1/calendar/overrides', { date: '2026-12-05', working: true, note: '调休上班', orgId: u.group.id }), 'calendar override');
  await must(admin.post('/api/v1/webhooks', { orgId: u.group.id, flavor: 'wecom', url: 'http://127.0.0.1:9/hook', enabled: true }), 'webhook');
  await must(admin.post(`/api/v1/school/schools/${s.school.id}/closures`, { date: '2026-12-10', reason: '冬季流感停课' }), 'closure');
  await must(
    s.users.headA.post(`/api/v1/moral-education/classes/${s.classA.id}/sessions`, {
      date: SAMPLE_DATE,
      status: 'held',
      topic: '诚信',
      reflection: '同学们讨论了诚信。',
    }),
    'moral session',
  );
  await must(s.users.headA.request('PUT', `/api/v1/heart-bridge/students/${s.a1.id}/weeks/${WEEK}/school`, { atSchool: '本周上课专注。' }), '心桥 school side');

  // A queued work report, written directly: the fuzzer reaches its routes without waiting on a generation or LibreOffice.
  const workReport = newId();
  await (t.db as any)
    .insertInto('work_reports')
    .values({
      id: workReport,
      org_id: u.group.id,
      org_path: u.group.path,
      kind: 'term',
      from_date: '2026-11-01',
      to_date: '2026-11-30',
      title: '模糊测试工作总结',
      status: 'queued',
      progress: 0,
      version: 0,
      figures: null,
      narrative: JSON.stringify({ summary: '', sections: {}, plan: '' }),
      created_by: null,
      created_by_name: null,
      created_at: nowIso(),
      updated_at: nowIso(),
      generated_at: null,
    })
    .execute();

  const one = async (table: string, where?: [string, string]) => {
    let q = (t.db as any).selectFrom(table).select('id');
    if (where) q = q.where(where[0], '=', where[1]);
    const row = await q.orderBy('id').executeTakeFirst();
    return (row?.id as string | undefined) ?? NOWHERE_ID;
  };
  const guardian = await t.db.selectFrom('guardian_links').select('guardian_id').where('student_id', '=', s.a1.id).executeTakeFirst();
  const teacher = await t.db.selectFrom('class_teachers').select('teacher_id').where('class_id', '=', s.classA.id).executeTakeFirst();
  const term = await one('school_terms', ['school_id', s.school.id]);
  const otherTeacher = await t.db.selectFrom('class_teachers').select('teacher_id').where('class_id', '=', s.classB.id).executeTakeFirst();
  const otherGuardian = await t.db.selectFrom('guardian_links').select('guardian_id').where('student_id', '=', s.b1.id).executeTakeFirst();

  /** The record a path's `{id}` names, by the collection in front of it. */
  const byCollection: Record<string, string> = {
    tokens: await one('api_tokens'),
    orgs: spareOrg.id,
    overrides: await one('calendar_overrides'),
    notifications: await one('notifications'),
    webhooks: await one('webhooks'),
    accounts: victim.accountId,
    people: sparePerson.id,
    imports: await one('import_batches'),
    terms: term,
    closures: await one('school_closures'),
    sessions: await one('moral_sessions'),
    'group-alerts': await one('appeal_group_alerts'),
    appeals: appeal.id,
    'work-reports': workReport,
  };
  const byName: Record<string, string> = {
    studentId: s.a1.id,
    classId: s.classA.id,
    schoolId: s.school.id,
    guardianId: guardian?.guardian_id ?? NOWHERE_ID,
    teacherId: teacher?.teacher_id ?? NOWHERE_ID,
    grantId: await one('role_grants', ['account_id', victim.accountId]),
    attachmentId: await one('files', ['owner_kind', 'appeals.appeal']),
    extensionId: await one('appeal_extensions'),
    week: WEEK,
    date: SAMPLE_DATE,
  };
  /** Real values for body properties and required query parameters of the same name. */
  const unionNamed: Record<string, unknown> = {
    orgId: u.group.id,
    parentId: u.prod1.id,
    personId: sparePerson.id,
    departmentId: u.prod2.id,
    studentId: s.a1.id,
    classId: s.classA.id,
    schoolId: s.school.id,
    termId: term,
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

  // Each module's records for the fuzzer come from its <m>.world.ts; its body fields apply to the paths naming its records.
  const partFields: { names: Set<string>; fields: Record<string, unknown> }[] = [];
  for (const part of await loadParts()) {
    if (!part.hostile) continue;
    const got = await part.hostile.build({ t, admin, u, s, worker });
    Object.assign(byCollection, got.ids);
    Object.assign(byName, got.params);
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
    appealId: appeal.id as string,
    pathValue(path: string, name: string): string | undefined {
      if (name !== 'id') return byName[name];
      const segs = path.split('/');
      const at = segs.indexOf('{id}');
      return byCollection[segs[at - 1]] ?? (segs[at - 1] === 'overrides' ? byCollection.overrides : undefined);
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
