import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useSchoolWorld } from '../school/school.testkit.js';

const t = useTestApp();
const w = useSchoolWorld(t, beforeAll);
let subjA: string;
let headA: string;
let headB: string;
const personOf = async (accountId: string) =>
  (await t.db.selectFrom('accounts').select('person_id').where('id', '=', accountId).executeTakeFirstOrThrow()).person_id!;

beforeAll(async () => {
  [subjA, headA, headB] = await Promise.all([personOf(w.users.subjA.accountId), personOf(w.users.headA.accountId), personOf(w.users.headB.accountId)]);
});

const url = (classId: string) => `/api/v1/timetable/classes/${classId}`;

async function sheet(rows: (string | number)[][]): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('课表');
  ws.addRow(['班级', '星期', '节次', '学科', '教师']);
  for (const r of rows) ws.addRow(r);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----xqtt' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="课表.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the class timetable grid', () => {
  it('is saved by the academic office and read by the class’s teachers, no one else', async () => {
    const slots = [
      { weekday: 1, period: 1, subject: '数学', teacherId: subjA },
      { weekday: 1, period: 2, subject: '语文', teacherId: headA },
    ];
    const saved = await w.users.academic.request('PUT', url(w.classA.id), { slots });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.slots.map((s: any) => [s.weekday, s.period, s.subject, s.teacherName])).toEqual([
      [1, 1, '数学', '刘老师'],
      [1, 2, '语文', '陈老师'],
    ]);
    // The class's teachers in pinyin order (chen, liu), not by code point (刘 U+5218 before 陈 U+9648).
    expect(saved.body.teachers.map((x: any) => x.name)).toEqual(['陈老师', '刘老师']);

    expect((await w.users.subjA.get(url(w.classA.id))).body.slots).toHaveLength(2);
    expect((await w.users.principal.get(url(w.classA.id))).status).toBe(200);
    // A teacher of another class, a parent and another school's principal do not find it.
    expect((await w.users.headB.get(url(w.classA.id))).status).toBe(404);
    expect((await w.users.gA1.get(url(w.classA.id))).status).toBe(404);
    expect((await w.users.otherPrincipal.get(url(w.classA.id))).status).toBe(404);
    // Teachers and the principal read it; only the office edits it.
    expect((await w.users.headA.request('PUT', url(w.classA.id), { slots })).status).toBe(403);
    expect((await w.users.principal.request('PUT', url(w.classA.id), { slots })).status).toBe(403);
  });

  it('names only teachers assigned to the class, each period once', async () => {
    const stranger = await w.users.academic.request('PUT', url(w.classA.id), { slots: [{ weekday: 2, period: 1, subject: '英语', teacherId: headB }] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0]).toEqual({ field: 'body.slots.0.teacherId', message: '该教师未被安排在本班任课，请先在「任课安排」中安排' });
    const twice = await w.users.academic.request('PUT', url(w.classA.id), {
      slots: [
        { weekday: 3, period: 4, subject: '数学', teacherId: subjA },
        { weekday: 3, period: 4, subject: '语文', teacherId: headA },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0]).toEqual({ field: 'body.slots.1.period', message: '星期3第4节重复排课' });
    // Nothing of the refused weeks was written.
    expect((await w.users.academic.get(url(w.classA.id))).body.slots).toHaveLength(2);
  });
});

describe('the timetable import', () => {
  it('lists every faulty row by Excel row and column and writes nothing', async () => {
    const upload = await sheet([
      ['初一（1）班', '周二', 1, '数学', '刘老师'],
      ['初三（9）班', '周二', 2, '数学', '刘老师'],
      ['初一（1）班', '周八', 3, '数学', '刘老师'],
      ['初一（2）班', 2, 1, '数学', '刘老师'],
      ['初一（1）班', '星期二', 1, '语文', '陈老师'],
    ]);
    const res = await w.users.academic.request('POST', `/api/v1/timetable/schools/${w.school.id}/import`, upload.body, upload.headers);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      classes: 0,
      slots: 0,
      errors: [
        { row: 3, column: '班级', message: '本校没有名为「初三（9）班」的班级' },
        { row: 4, column: '星期', message: '星期应为 1–7 或 周一…周日' },
        { row: 5, column: '教师', message: '「刘老师」未被安排在该班任课' },
        { row: 6, column: '节次', message: '与第 2 行的班级、星期、节次相同' },
      ],
    });
    expect((await w.users.academic.get(url(w.classA.id))).body.slots).toHaveLength(2);
  });

  it('replaces the week of each class the sheet names', async () => {
    const upload = await sheet([
      ['初一（1）班', '周二', 1, '数学', '刘老师'],
      ['初一（1）班', '星期三', 2, '语文', '陈老师'],
      ['初二（1）班', 5, 3, '数学', '刘老师'],
    ]);
    expect((await w.users.headA.request('POST', `/api/v1/timetable/schools/${w.school.id}/import`, upload.body, upload.headers)).status).toBe(403);
    const res = await w.users.academic.request('POST', `/api/v1/timetable/schools/${w.school.id}/import`, upload.body, upload.headers);
    expect(res.body).toEqual({ classes: 2, slots: 3, errors: [] });
    expect((await w.users.subjA.get(url(w.classA.id))).body.slots.map((s: any) => [s.weekday, s.period, s.subject])).toEqual([
      [2, 1, '数学'],
      [3, 2, '语文'],
    ]);
    expect((await w.users.subjA.get(url(w.classC.id))).body.slots.map((s: any) => [s.weekday, s.period, s.teacherName])).toEqual([[5, 3, '刘老师']]);
  });

  // The web page's 「从 Excel 导入全校课表」 (ImportCard) is a thin form: it posts a FormData with the
  // picked file under `file`. Encoded here by the platform as a browser encodes it (its boundary,
  // the Chinese file name), the route takes it; an empty file and a body that is not a form are
  // problems naming the field, which the card shows as its error toast.
  it('takes the form the web page posts, and names the field when the file is empty or missing', async () => {
    const form = async (parts: [string, Blob, string][]) => {
      const fd = new FormData();
      for (const [name, blob, fileName] of parts) fd.append(name, blob, fileName);
      const r = new Response(fd);
      return { body: Buffer.from(await r.arrayBuffer()), headers: { 'content-type': r.headers.get('content-type')! } };
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('课表');
    ws.addRow(['班级', '星期', '节次', '学科', '教师']);
    ws.addRow(['初一（2）班', '周四', 4, '语文', '杨老师']);
    const xlsx = new Blob([Buffer.from(await wb.xlsx.writeBuffer())], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const path = `/api/v1/timetable/schools/${w.school.id}/import`;
    const sent = await form([['file', xlsx, '全校课表（第二学期）.xlsx']]);
    const res = await w.users.academic.request('POST', path, sent.body, sent.headers);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ classes: 1, slots: 1, errors: [] });
    expect((await w.users.headB.get(url(w.classB.id))).body.slots.map((s: any) => [s.weekday, s.period, s.subject, s.teacherName])).toEqual([
      [4, 4, '语文', '杨老师'],
    ]);
    const empty = await form([['file', new Blob([]), '空.xlsx']]);
    const none = await w.users.academic.request('POST', path, empty.body, empty.headers);
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'body.file' })]);
    const json = await w.users.academic.post(path, { file: 'not a file' });
    expect(json.status).toBe(415);
    expect(json.body.errors).toEqual([expect.objectContaining({ field: 'headers.content-type' })]);
  });
});
