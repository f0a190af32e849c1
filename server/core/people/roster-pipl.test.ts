/**
 * PIPL minimisation of the school roster, per role: a teacher sees a pupil's name and number
 * and the guardians' phones masked, and reveals one number to call it (audited); full identity
 * numbers only for the academic office, in a detail or an export, each read audited.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../../test/app.js';
import { idNumber, readXlsx } from './people.fixtures.js';

const t = useTestApp();
const PUPIL_ID = idNumber('20120304', 21);
const masked = (s: string) => `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;

async function school() {
  const root = await t.org('实验中学', 'school');
  const grade = await t.org('初一', 'grade', root);
  const class1 = await t.org('初一（1）班', 'class', grade);
  const pupil = await t.person(class1, { name: '小红', kind: 'student', employee_no: 'S2026001', id_number: PUPIL_ID, phone: '13600002222' });
  const mother = await t.person(class1, { name: '红妈妈', kind: 'guardian', phone: '13500003333', id_number: idNumber('19850606', 4) });
  const office = await t.user([{ role: 'academicOffice', org: root }]);
  expect((await office.post(`/api/v1/people/${pupil.id}/guardians`, { guardianId: mother.id, relation: 'mother' })).status).toBe(201);
  const users = {
    head: await t.user([{ role: 'headTeacher', org: class1 }]),
    subject: await t.user([{ role: 'subjectTeacher', org: class1 }]),
    principal: await t.user([{ role: 'principal', org: root }]),
    office,
  };
  return { root, class1, pupil, mother, users };
}

const download = async (c: Client, url: string) => readXlsx((await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } })).rawPayload);
const auditsBy = (c: Client & { accountId: string }, action: string) =>
  t.db.selectFrom('audit_events').select(['entity_id', 'changes']).where('actor_id', '=', c.accountId).where('action', '=', action).execute();

describe('the school roster shows each role only what it needs (PIPL)', () => {
  it('a head teacher and a subject teacher: name and number, phones and identity numbers masked in list, detail, guardians and export', async () => {
    const s = await school();
    for (const who of [s.users.head, s.users.subject]) {
      const list = (await who.get(`/api/v1/people?orgId=${s.class1.id}&kind=student`)).body.items;
      expect(list).toEqual([expect.objectContaining({ name: '小红', employeeNo: 'S2026001', phone: '136****2222', idNumber: masked(PUPIL_ID) })]);
      const detail = (await who.get(`/api/v1/people/${s.pupil.id}`)).body;
      expect(detail).toMatchObject({ phone: '136****2222', idNumber: masked(PUPIL_ID), contactVisible: false });
      expect((await who.get(`/api/v1/people/${s.pupil.id}/guardians`)).body.items).toEqual([expect.objectContaining({ name: '红妈妈', phone: '135****3333' })]);
      const rows = await download(who, `/api/v1/people/export.xlsx?orgId=${s.class1.id}`);
      const text = JSON.stringify(rows);
      for (const secret of [PUPIL_ID, '13600002222', '13500003333']) expect(text).not.toContain(secret);
      expect(await auditsBy(who, 'person.readSensitive')).toEqual([]);
    }
  });

  it('a teacher reveals one guardian’s number to call it, and each reveal is audited; nobody outside the class can', async () => {
    const s = await school();
    const call = await s.users.head.post(`/api/v1/people/${s.mother.id}/phone`);
    expect(call.status).toBe(200);
    expect(call.body).toEqual({ phone: '13500003333' });
    expect((await s.users.subject.post(`/api/v1/people/${s.mother.id}/phone`)).body).toEqual({ phone: '13500003333' });
    expect(await auditsBy(s.users.head, 'person.phoneRevealed')).toEqual([{ entity_id: s.mother.id, changes: JSON.stringify({ fields: ['phone'] }) }]);
    await s.users.head.post(`/api/v1/people/${s.mother.id}/phone`);
    expect(await auditsBy(s.users.head, 'person.phoneRevealed')).toHaveLength(2);
    // The reveal answers the phone only: never the identity number.
    expect(JSON.stringify(call.body)).not.toContain('19850606');
    const other = await t.org('别班', 'class', s.root);
    const stranger = await t.user([{ role: 'headTeacher', org: other }]);
    expect((await stranger.post(`/api/v1/people/${s.mother.id}/phone`)).status).toBe(404);
    const mediator = await t.user([{ role: 'mediator', org: s.root }]);
    expect((await mediator.post(`/api/v1/people/${s.mother.id}/phone`)).status).toBe(403);
    expect(await auditsBy(stranger, 'person.phoneRevealed')).toEqual([]);
  });

  it('the principal: phones in full, identity numbers masked everywhere', async () => {
    const s = await school();
    const p = s.users.principal;
    expect((await p.get(`/api/v1/people/${s.pupil.id}`)).body).toMatchObject({ phone: '13600002222', idNumber: masked(PUPIL_ID) });
    const rows = await download(p, `/api/v1/people/export.xlsx?orgId=${s.class1.id}&kind=student`);
    expect(rows[1][7]).toBe(masked(PUPIL_ID));
    expect(JSON.stringify(await auditsBy(p, 'person.readSensitive'))).not.toContain('idNumber');
  });

  it('the academic office: full identity numbers in a detail and an export, never in a list, and every such read audited', async () => {
    const s = await school();
    const o = s.users.office;
    expect((await o.get(`/api/v1/people?orgId=${s.class1.id}&kind=student`)).body.items[0].idNumber).toBe(masked(PUPIL_ID));
    expect((await o.get(`/api/v1/people/${s.pupil.id}`)).body.idNumber).toBe(PUPIL_ID);
    expect(await auditsBy(o, 'person.readSensitive')).toEqual([{ entity_id: s.pupil.id, changes: JSON.stringify({ fields: ['phone', 'idNumber'] }) }]);
    const rows = await download(o, `/api/v1/people/export.xlsx?orgId=${s.class1.id}&kind=student`);
    expect(rows[1][7]).toBe(PUPIL_ID);
    const [exported] = await auditsBy(o, 'person.export');
    expect(JSON.parse(exported.changes!)).toMatchObject({ rows: 1, unmasked: 1, idNumbers: 1 });
  });
});
