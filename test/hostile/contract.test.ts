/**
 * Regression tests for what the fuzzer found, one per fix, readable on their own
 * (the fuzzer keeps covering every route; these say what the answer must be).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../app.js';
import { schoolWorld } from '../../server/modules/school/school.testkit.js';
import { multipart, rosterXlsx } from '../../server/core/people/people.fixtures.js';

const t = useTestApp();
let admin: Client;
let classId: string;
let orgId: string;

beforeAll(async () => {
  const w = await schoolWorld(t);
  classId = w.classA.id;
  orgId = w.school.id;
  admin = await t.user([{ role: 'sysAdmin', org: null }]);
});

const HAN = /\p{Script=Han}/u;

describe('the error contract under hostile input', () => {
  it('answers a multipart upload without a boundary with a Chinese 400 naming the body, on every upload route (was a 500)', async () => {
    for (const url of ['/api/v1/appeals/attachments', '/api/v1/files', '/api/v1/imports/people', `/api/v1/moral-education/classes/${classId}/sessions`]) {
      const res = await admin.request('POST', url, '--x\r\n\r\n', { 'content-type': 'multipart/form-data' });
      expect(res.status, `${url}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'bad_multipart', detail: '上传的表单不完整或格式不正确，请重新选择文件上传' });
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringMatching(HAN) }]);
    }
  });

  it('refuses NUL characters in JSON bodies, queries and paths on both engines, naming the field (PostgreSQL gave a 500)', async () => {
    const body = await admin.post('/api/v1/people', { orgId, kind: 'worker', name: '前\u0000后' });
    expect(body.status, body.text).toBe(400);
    expect(body.body.errors).toEqual([{ field: 'body.name', message: '不能包含空字符（\\0）' }]);
    const nested = await admin.request('PUT', `/api/v1/moral-education/schools/${orgId}/plan`, { days: [{ date: '2026-11-20', topic: 'a\u0000' }] });
    expect(nested.status).toBe(400);
    expect(nested.body.errors[0].field).toBe('body.days.0.topic');
    const query = await admin.get('/api/v1/people?q=%E5%89%8D%00');
    expect(query.status).toBe(400);
    expect(query.body.errors[0].field).toBe('query.q');
    const count = await t.db
      .selectFrom('persons')
      .select((e) => e.fn.countAll().as('n'))
      .where('name', 'like', '前%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses bidi overrides and control characters in any field, and zero-width characters in names, naming the field (were stored)', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '工资\u202egnp.exe' }, 'body.name', '不能包含改变文字方向的控制符（U+202A–U+202E、U+2066–U+2069）'],
      [{ name: '王五', position: '采煤\u2066工\u2069' }, 'body.position', '不能包含改变文字方向的控制符（U+202A–U+202E、U+2066–U+2069）'],
      [{ name: '响铃\u0007' }, 'body.name', '不能包含控制字符（制表符、换行除外）'],
      [{ name: '王五', position: '\u001b[31m红字' }, 'body.position', '不能包含控制字符（制表符、换行除外）'],
      [{ name: '张\u200b三' }, 'body.name', '名称中不能包含零宽字符（U+200B–U+200D、U+2060、U+FEFF）'],
      [{ name: '\ufeff李四' }, 'body.name', '名称中不能包含零宽字符（U+200B–U+200D、U+2060、U+FEFF）'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await admin.post('/api/v1/people', { orgId, kind: 'worker', ...fields });
      expect(res.status, res.text).toBe(400);
      expect(res.body.errors).toEqual([{ field, message }]);
    }
    const nested = await admin.request('PUT', `/api/v1/moral-education/schools/${orgId}/plan`, { days: [{ date: '2026-11-20', topic: '诚信\u202e' }] });
    expect(nested.body.errors[0].field).toBe('body.days.0.topic');
    expect((await admin.get('/api/v1/people?q=%E2%80%AE')).body.errors[0].field).toBe('query.q');
    // Line breaks and tabs are text; a zero-width joiner outside a name (an emoji family) is too.
    expect((await admin.post('/api/v1/people', { orgId, kind: 'worker', name: '孙八', position: '采煤工\t一班\n夜班 👨\u200d👩\u200d👧' })).status).toBe(201);
    const stored = await t.db.selectFrom('persons').select('name').where('org_id', '=', orgId).execute();
    expect(stored.filter((r) => [...r.name].some((c) => c < ' ' || /[\u202a-\u202e\u2066-\u2069\u200b]/.test(c)))).toEqual([]);
  });

  it('takes no bidi override or zero-width name from a roster cell into the people table (the file format cannot carry C0 controls)', async () => {
    const file = await rosterXlsx([
      ['王\u200b五', 'E9101', '职工', '合同制', '采煤工', '是', null, null, '男', ''],
      ['赵\u202e六', 'E9102', '职工', '合同制', '采煤工', '是', null, null, '男', ''],
      ['钱七', 'E9103', '职工', '合同制', '采煤\u2066工', '是', null, null, '男', ''],
    ]);
    const up = multipart({ orgId }, { name: '花名册.xlsx', content: file });
    const preview = await admin.request('POST', '/api/v1/imports/people', up.body, up.headers);
    expect(preview.status, preview.text).toBe(201);
    expect(preview.body.errors.map((f: { row: number; column: string; message: string }) => [f.row, f.column, f.message])).toEqual([
      [2, '姓名', '名称中不能包含零宽字符（U+200B–U+200D、U+2060、U+FEFF）'],
      [3, '姓名', '不能包含改变文字方向的控制符（U+202A–U+202E、U+2066–U+2069）'],
      [4, '岗位', '不能包含改变文字方向的控制符（U+202A–U+202E、U+2066–U+2069）'],
    ]);
  });

  it('answers JSON sent as text/plain or as a form with 415 naming the content type, in Chinese', async () => {
    for (const type of ['text/plain', 'text/plain; charset=latin1']) {
      const res = await admin.request('POST', '/api/v1/people', JSON.stringify({ orgId, kind: 'worker', name: '王五' }), { 'content-type': type });
      expect(res.status, res.text).toBe(415);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type', detail: '请求内容应为 JSON（Content-Type: application/json）' });
      expect(res.body.errors).toEqual([{ field: 'headers.content-type', message: expect.stringMatching(HAN) }]);
    }
    const form = await admin.request('POST', '/api/v1/people', 'name=%E7%8E%8B', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body.errors[0].field).toBe('headers.content-type');
  });

  it('still names the field inside a multipart form’s JSON, rather than calling the form the wrong type', async () => {
    const head = await t.user([{ role: 'headTeacher', org: { id: classId } }]);
    const form = multipart({ data: JSON.stringify({ date: '2026-02-30', status: 'held', topic: '诚信' }) });
    const res = await head.request('POST', `/api/v1/moral-education/classes/${classId}/sessions`, form.body, form.headers);
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.date']);
  });

  it('still takes JSON with a charset, and still says which field is missing when there is no body at all', async () => {
    const ok = await admin.request('POST', '/api/v1/people', JSON.stringify({ orgId, kind: 'worker', name: '赵六' }), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(ok.status, ok.text).toBe(201);
    const empty = await admin.request('POST', `/api/v1/appeals/${'0190f3a0-0000-7000-8000-00000000f022'}/accept`);
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toMatch(/^body/);
  });

  it('takes no NUL from a roster cell into the people table (a spreadsheet is text from outside too)', async () => {
    const file = await rosterXlsx([['李\u0000四', 'E9001', '职工', '合同制', '采煤工', '是', null, null, '男', '']]);
    const up = multipart({ orgId }, { name: '花名册.xlsx', content: file });
    const preview = await admin.request('POST', '/api/v1/imports/people', up.body, up.headers);
    expect(preview.status, preview.text).toBeLessThan(500);
    if (preview.status === 201) {
      const confirm = await admin.post(`/api/v1/imports/${preview.body.id}/confirm`);
      expect(confirm.status, confirm.text).toBeLessThan(500);
    }
    const rows = await t.db.selectFrom('persons').select('name').where('name', 'like', '李%').execute();
    expect(rows.filter((r) => r.name.includes('\u0000'))).toEqual([]);
  });
});
