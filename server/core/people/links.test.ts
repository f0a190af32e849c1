import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';

const t = useTestApp();

async function school() {
  const root = await t.org('实验中学', 'school');
  const office = await t.org('教务处', 'office', root);
  const grade = await t.org('初一', 'grade', root);
  const class1 = await t.org('初一（1）班', 'class', grade);
  const class2 = await t.org('初一（2）班', 'class', grade);
  const student = await t.person(class1, { name: '小明', kind: 'student' });
  const mother = await t.person(class1, { name: '明妈妈', kind: 'guardian', phone: '13500001111' });
  const teacher = await t.person(office, { name: '王老师', kind: 'teacher' });
  const teacher2 = await t.person(office, { name: '李老师', kind: 'teacher' });
  return { root, office, grade, class1, class2, student, mother, teacher, teacher2 };
}

describe('guardians of a student', () => {
  it('links several guardians, existing or new, and lists them with their relation', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    const linked = await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' });
    expect(linked.status).toBe(201);
    const created = await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardian: { name: '明爸爸', phone: '13600002222' }, relation: 'father' });
    expect(created.status).toBe(201);
    const list = await office.get(`/api/v1/people/${s.student.id}/guardians`);
    expect(list.body.items.map((g: any) => [g.name, g.relation, g.phone])).toEqual([
      ['明妈妈', 'mother', '13500001111'],
      ['明爸爸', 'father', '13600002222'],
    ]);
    // The new guardian is a person of the class, visible in the people list.
    const guardians = await office.get(`/api/v1/people?orgId=${s.class1.id}&kind=guardian`);
    expect(guardians.body.items.map((p: any) => p.name).sort()).toEqual(['明妈妈', '明爸爸'].sort());
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.student.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.guardianLinked', 'person.guardianLinked']);
  });

  it('refuses a duplicate link, a non-guardian, a non-student and a bad relation', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' });
    expect((await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' })).status).toBe(409);
    const notGuardian = await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.teacher.id, relation: 'father' });
    expect(notGuardian.status).toBe(422);
    expect(notGuardian.body.detail).toBe('该人员不是家长');
    expect((await office.post(`/api/v1/people/${s.teacher.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' })).status).toBe(422);
    const bad = await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: '舅舅' });
    expect(bad.status).toBe(400);
  });

  it('lets a head teacher read the guardians, phones masked, but not change them; a subject teacher likewise', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' });
    const head = await t.user([{ role: 'headTeacher', org: s.class1 }]);
    const subject = await t.user([{ role: 'subjectTeacher', org: s.class1 }]);
    expect((await head.get(`/api/v1/people/${s.student.id}/guardians`)).body.items[0].phone).toBe('135****1111');
    expect((await subject.get(`/api/v1/people/${s.student.id}/guardians`)).body.items[0].phone).toBe('135****1111');
    expect((await head.post(`/api/v1/people/${s.student.id}/guardians`, { guardian: { name: '外人' }, relation: 'other' })).status).toBe(403);
    expect((await head.delete(`/api/v1/people/${s.student.id}/guardians/${s.mother.id}`)).status).toBe(403);
    // The head teacher of class 2 does not reach class 1's student at all.
    const head2 = await t.user([{ role: 'headTeacher', org: s.class2 }]);
    expect((await head2.get(`/api/v1/people/${s.student.id}/guardians`)).status).toBe(404);
  });

  it('unlinks, audited', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    await office.post(`/api/v1/people/${s.student.id}/guardians`, { guardianId: s.mother.id, relation: 'mother' });
    expect((await office.delete(`/api/v1/people/${s.student.id}/guardians/${s.mother.id}`)).status).toBe(204);
    expect((await office.get(`/api/v1/people/${s.student.id}/guardians`)).body.items).toEqual([]);
    expect((await office.delete(`/api/v1/people/${s.student.id}/guardians/${s.mother.id}`)).status).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.student.id).execute();
    expect(audit.map((a) => a.action)).toContain('person.guardianUnlinked');
  });
});

describe('teachers of a class', () => {
  it('assigns one head teacher and subject teachers, lists and removes them', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    const url = `/api/v1/orgs/${s.class1.id}/teachers`;
    expect((await office.post(url, { teacherId: s.teacher.id, duty: 'head' })).status).toBe(201);
    expect((await office.post(url, { teacherId: s.teacher.id, duty: 'subject', subject: '语文' })).status).toBe(201);
    expect((await office.post(url, { teacherId: s.teacher2.id, duty: 'subject', subject: '数学' })).status).toBe(201);
    const secondHead = await office.post(url, { teacherId: s.teacher2.id, duty: 'head' });
    expect(secondHead.status).toBe(409);
    expect(secondHead.body.detail).toBe('该班级已有班主任，请先解除原班主任');
    const noSubject = await office.post(url, { teacherId: s.teacher2.id, duty: 'subject' });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.errors).toEqual([{ field: 'body.subject', message: '任课教师须填写任教学科' }]);
    const list = await office.get(url);
    expect(list.body.items.map((x: any) => [x.name, x.duty, x.subject])).toEqual([
      ['王老师', 'head', null],
      ['李老师', 'subject', '数学'],
      ['王老师', 'subject', '语文'],
    ]);
    expect((await office.delete(`${url}/${s.teacher.id}?duty=head`)).status).toBe(204);
    expect((await office.get(url)).body.items.map((x: any) => x.duty)).toEqual(['subject', 'subject']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.class1.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['class.teacherAdded', 'class.teacherAdded', 'class.teacherAdded', 'class.teacherRemoved']);
  });

  it('refuses a non-teacher, a non-class, and a head teacher changing their own class', async () => {
    const s = await school();
    const office = await t.user([{ role: 'academicOffice', org: s.root }]);
    expect((await office.post(`/api/v1/orgs/${s.class1.id}/teachers`, { teacherId: s.student.id, duty: 'head' })).body.detail).toBe('该人员不是教师');
    expect((await office.post(`/api/v1/orgs/${s.grade.id}/teachers`, { teacherId: s.teacher.id, duty: 'head' })).body.detail).toBe('该组织不是班级');
    const head = await t.user([{ role: 'headTeacher', org: s.class1 }]);
    expect((await head.get(`/api/v1/orgs/${s.class1.id}/teachers`)).status).toBe(200);
    expect((await head.post(`/api/v1/orgs/${s.class1.id}/teachers`, { teacherId: s.teacher.id, duty: 'head' })).status).toBe(403);
    const parent = await t.user([{ role: 'parent', org: s.class1 }]);
    expect((await parent.get(`/api/v1/orgs/${s.class1.id}/teachers`)).status).toBe(404);
  });
});
