import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import { remindHeadTeachers } from './moralEducation.jobs.js';
import { moralEducationIndicators } from './moralEducation.indicators.js';

// Its own data directory: the photo tests count the bytes on disk.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-moral-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const t = useTestApp({ config: { dataDir } });
const w = useSchoolWorld(t, beforeAll);

const base = '/api/v1/moral-education';
/** A rate as every dashboard figure carries it (common/figure.ts), its value rounded to four places. */
const rate = (numerator: number, denominator: number, value: number | null, drill: unknown = null) => ({ value, numerator, denominator, unit: 'rate', drill });
// Photos are core files (DATA_DIR/files/core); nothing else in this file uploads.
const filesDir = () => path.join(dataDir, 'files', 'core');
const filesNow = () => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir()).length : 0);
const local = (s: string) => new Date(`${s}:00+08:00`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-pretend-image-bytes')]);

function form(data: unknown, photo?: { bytes: Buffer; filename: string; type: string }) {
  const boundary = '----xq' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`)];
  if (photo) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${photo.filename}"\r\nContent-Type: ${photo.type}\r\n\r\n`),
      photo.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function ok(res: Promise<{ status: number; text: string; body: any }>, status = 200) {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r.body;
}

const TOPICS: Record<string, string> = {
  '2026-09-14': '上下学交通安全',
  '2026-09-15': '防溺水',
  '2026-09-16': '用电与消防安全',
  '2026-09-17': '校园防欺凌',
  '2026-09-18': '识别电信诈骗',
  '2026-09-20': '安全知识小测验',
};

describe('the school-wide topic calendar', () => {
  it('is planned by the office: a theme per week, a topic per school day', async () => {
    const body = { weeks: [{ week: '2026-W38', theme: '安全教育' }], days: Object.entries(TOPICS).map(([date, topic]) => ({ date, topic })) };
    expect(await ok(w.users.principal.request('PUT', `${base}/schools/${w.school.id}/plan`, body))).toEqual({ updated: 7 });
    const saturday = await w.users.principal.request('PUT', `${base}/schools/${w.school.id}/plan`, { days: [{ date: '2026-09-19', topic: '周六' }] });
    expect(saturday.status).toBe(422);
    expect(saturday.body.errors[0]).toEqual({ field: 'body.days.0.date', message: '2026-09-19 不是该班的上课日' });
    expect((await w.users.headA.request('PUT', `${base}/schools/${w.school.id}/plan`, body)).status).toBe(403);
    expect((await w.users.otherPrincipal.request('PUT', `${base}/schools/${w.school.id}/plan`, body)).status).toBe(404);
    expect((await w.users.gA1.get(`${base}/schools/${w.school.id}/plan?from=2026-09-14&to=2026-09-20`)).status).toBe(404);

    const plan = await ok(w.users.headA.get(`${base}/schools/${w.school.id}/plan?from=2026-09-14&to=2026-09-20`));
    expect(plan.items.map((d: any) => [d.date, d.schoolDay, d.topic])).toEqual([
      ['2026-09-14', true, '上下学交通安全'],
      ['2026-09-15', true, '防溺水'],
      ['2026-09-16', true, '用电与消防安全'],
      ['2026-09-17', true, '校园防欺凌'],
      ['2026-09-18', true, '识别电信诈骗'],
      ['2026-09-19', false, null],
      ['2026-09-20', true, '安全知识小测验'],
    ]);
    expect(new Set(plan.items.map((d: any) => d.theme))).toEqual(new Set(['安全教育']));
  });

  it('fans out to every class; a head teacher may replace the topic for the class only', async () => {
    const replaced = await ok(w.users.headA.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-16/topic`, { topic: '我们班的用电安全检查' }));
    expect(replaced).toMatchObject({ topic: '我们班的用电安全检查', schoolTopic: '用电与消防安全', replaced: true });
    const b = await ok(w.users.headB.get(`${base}/classes/${w.classB.id}/plan?from=2026-09-16&to=2026-09-16`));
    expect(b.items[0]).toMatchObject({ topic: '用电与消防安全', replaced: false });
    expect((await w.users.subjA.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-17/topic`, { topic: '任课教师改题' })).status).toBe(403);
    expect((await w.users.headB.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-17/topic`, { topic: '别班改题' })).status).toBe(404);
    expect((await w.users.headA.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-19/topic`, { topic: '周六' })).status).toBe(422);
    await ok(w.users.headA.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-17/topic`, { topic: '暂定' }));
    expect((await w.users.headA.delete(`${base}/classes/${w.classA.id}/days/2026-09-17/topic`)).status).toBe(204);
    const a = await ok(w.users.subjA.get(`${base}/classes/${w.classA.id}/plan?from=2026-09-16&to=2026-09-17`));
    expect(a.items.map((d: any) => [d.topic, d.replaced])).toEqual([
      ['我们班的用电安全检查', true],
      ['校园防欺凌', false],
    ]);
    // A revert retried after a dropped answer (same Idempotency-Key) is answered as the first, not 404 (nothing left to revert).
    await ok(w.users.headA.request('PUT', `${base}/classes/${w.classA.id}/days/2026-09-18/topic`, { topic: '暂定二' }));
    const revert = () =>
      w.users.headA.request('DELETE', `${base}/classes/${w.classA.id}/days/2026-09-18/topic`, undefined, { 'idempotency-key': 'moral-revert-0918' });
    expect((await revert()).status).toBe(204);
    const retried = await revert();
    expect([retried.status, retried.headers['idempotent-replay']]).toEqual([204, 'true']);
    const day = await ok(w.users.subjA.get(`${base}/classes/${w.classA.id}/plan?from=2026-09-18&to=2026-09-18`));
    expect(day.items[0]).toMatchObject({ replaced: false });
  });
});

describe('recording a session in one request', () => {
  it('records a held session with the planned topic and presenters of the class', async () => {
    const s = await ok(
      w.users.headA.post(`${base}/classes/${w.classA.id}/sessions`, { date: '2026-09-14', status: 'held', presenterIds: [w.a1.id], reflection: '讨论热烈' }),
      201,
    );
    expect(s).toMatchObject({
      date: '2026-09-14',
      status: 'held',
      topic: '上下学交通安全',
      plannedTopic: '上下学交通安全',
      reflection: '讨论热烈',
      photoUrl: null,
    });
    expect(s.presenters).toEqual([{ id: w.a1.id, name: '王小明' }]);
    const twice = await w.users.headA.post(`${base}/classes/${w.classA.id}/sessions`, { date: '2026-09-14', status: 'held' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('已经记录过');
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['moralEducation.record']);
  });

  it('refuses presenters of another class, a skipped session without reason, non-school and future days', async () => {
    const { headA } = w.users;
    const url = `${base}/classes/${w.classA.id}/sessions`;
    const foreign = await headA.post(url, { date: '2026-09-17', status: 'held', presenterIds: [w.b1.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toEqual({ field: 'body.presenterIds', message: '发言学生只能是本班学生' });
    const noReason = await headA.post(url, { date: '2026-09-17', status: 'skipped' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toEqual({ field: 'body.skipReason', message: '未开展时请填写原因' });
    expect((await headA.post(url, { date: '2026-09-19', status: 'held', topic: '周六' })).status).toBe(422);
    expect((await headA.post(url, { date: '2099-09-01', status: 'held', topic: '未来' })).status).toBe(422);
    const noTopic = await headA.post(url, { date: '2026-09-02', status: 'held' });
    expect(noTopic.status).toBe(422);
    expect(noTopic.body.errors[0].field).toBe('body.topic');
    expect(
      (
        await t.db
          .selectFrom('moral_sessions' as any)
          .select('id')
          .where('class_id', '=', w.classA.id)
          .execute()
      ).length,
    ).toBe(1);
  });

  it('lets only the head teacher of the class record; others get 403 in reach and 404 out of it', async () => {
    const url = `${base}/classes/${w.classA.id}/sessions`;
    const body = { date: '2026-09-17', status: 'skipped', skipReason: '期中考试' };
    expect((await w.users.subjA.post(url, body)).status).toBe(403);
    expect((await w.users.principal.post(url, body)).status).toBe(403);
    for (const who of [w.users.headB, w.users.gA1, w.users.headX, w.users.otherPrincipal]) {
      expect((await who.post(url, body)).status, who.username).toBe(404);
      expect((await who.get(url)).status, who.username).toBe(404);
      expect((await who.get(`${base}/classes/${w.classA.id}/indicators`)).status, who.username).toBe(404);
      expect((await who.get(`${base}/classes/${w.classA.id}/plan?from=2026-09-14&to=2026-09-18`)).status, who.username).toBe(404);
    }
    const skipped = await ok(w.users.headA.post(url, body), 201);
    expect(skipped).toMatchObject({ status: 'skipped', skipReason: '期中考试', topic: null, plannedTopic: '校园防欺凌', presenters: [] });
  });

  it('is idempotent with an Idempotency-Key', async () => {
    const url = `${base}/classes/${w.classA.id}/sessions`;
    const headers = { 'idempotency-key': 'moral-2026-09-15' };
    const body = { date: '2026-09-15', status: 'held', presenterIds: [w.a2.id] };
    const first = await w.users.headA.post(url, body, headers);
    const again = await w.users.headA.post(url, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const rows = await t.db
      .selectFrom('moral_sessions' as any)
      .select('id')
      .where('class_id', '=', w.classA.id)
      .where('date', '=', '2026-09-15')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('takes a photo in the same multipart request, checks its bytes and size, and serves it with nosniff', async () => {
    const before = filesNow();
    const url = `${base}/classes/${w.classA.id}/sessions`;
    const fake = form({ date: '2026-09-16', status: 'held' }, { bytes: Buffer.from('<html>not an image</html>'), filename: 'photo.png', type: 'image/png' });
    const refused = await w.users.headA.request('POST', url, fake.body, fake.headers);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toEqual({ field: 'body.photo', message: '照片只能是 JPEG、PNG 或 WebP 图片' });
    const huge = form(
      { date: '2026-09-16', status: 'held' },
      { bytes: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), filename: 'big.png', type: 'image/png' },
    );
    const tooBig = await w.users.headA.request('POST', url, huge.body, huge.headers);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.detail).toBe('照片不能超过 5 MB');
    // The record inside the form gets the same NUL check as a JSON body (PostgreSQL would fail on it).
    const nul = form({ date: '2026-09-16', status: 'held', reflection: '坏\u0000字' }, { bytes: PNG, filename: '现场.png', type: 'image/png' });
    const refusedNul = await w.users.headA.request('POST', url, nul.body, nul.headers);
    expect(refusedNul.status).toBe(400);
    expect(refusedNul.body.errors[0].field).toBe('body.reflection');
    expect(filesNow()).toBe(before);

    const good = form(
      { date: '2026-09-16', status: 'held', presenterIds: [w.a2.id], reflection: '学生动手检查插座' },
      { bytes: PNG, filename: '现场.png', type: 'application/octet-stream' },
    );
    const s = await ok(w.users.headA.request('POST', url, good.body, good.headers), 201);
    expect(s.topic).toBe('我们班的用电安全检查');
    expect(s.photoUrl).toBe(`${base}/sessions/${s.id}/photo`);
    expect(filesNow()).toBe(before + 1);
    const photo = await t.app.inject({ method: 'GET', url: s.photoUrl, headers: { cookie: w.users.subjA.cookie } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const stranger = await t.app.inject({ method: 'GET', url: s.photoUrl, headers: { cookie: w.users.headB.cookie } });
    expect(stranger.statusCode).toBe(404);
  });

  it('replays a multipart record with its key and keeps a single photo file', async () => {
    const before = filesNow();
    const url = `${base}/classes/${w.classA.id}/sessions`;
    const data = { date: '2026-09-18', status: 'held', topic: '临时改为：防网络诈骗', presenterIds: [w.a1.id] };
    const headers = { 'idempotency-key': 'moral-photo-0918' };
    const f1 = form(data, { bytes: PNG, filename: 'a.png', type: 'image/png' });
    const first = await w.users.headA.request('POST', url, f1.body, { ...f1.headers, ...headers });
    const f2 = form(data, { bytes: PNG, filename: 'a.png', type: 'image/png' });
    const again = await w.users.headA.request('POST', url, f2.body, { ...f2.headers, ...headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(filesNow()).toBe(before + 1);
    const other = form(data, { bytes: Buffer.concat([PNG, Buffer.from('another')]), filename: 'b.png', type: 'image/png' });
    expect((await w.users.headA.request('POST', url, other.body, { ...other.headers, ...headers })).status).toBe(422);
    expect(filesNow()).toBe(before + 1);
  });

  it('lists, shows and corrects records; corrections by the head teacher only', async () => {
    const two = await ok(w.users.headA.post(`${base}/classes/${w.classA.id}/sessions`, { date: '2026-09-02', status: 'held', topic: '开学第一课' }), 201);
    await ok(w.users.headA.post(`${base}/classes/${w.classA.id}/sessions`, { date: '2026-09-03', status: 'held', topic: '认识新同学' }), 201);
    expect((await w.users.subjA.patch(`${base}/sessions/${two.id}`, { presenterIds: [w.a3.id] })).status).toBe(403);
    expect((await w.users.headB.patch(`${base}/sessions/${two.id}`, { presenterIds: [w.a3.id] })).status).toBe(404);
    const fixed = await ok(w.users.headA.patch(`${base}/sessions/${two.id}`, { presenterIds: [w.a3.id], reflection: '补记：张小刚讲了暑假见闻' }));
    expect(fixed.presenters).toEqual([{ id: w.a3.id, name: '张小刚' }]);
    expect((await w.users.headA.patch(`${base}/sessions/${two.id}`, { status: 'skipped' })).status).toBe(422);

    const list = await ok(w.users.subjA.get(`${base}/classes/${w.classA.id}/sessions?pageSize=3`));
    expect(list.total).toBe(7);
    expect(list.items.map((s: any) => s.date)).toEqual(['2026-09-18', '2026-09-17', '2026-09-16']);
    const skipped = await ok(w.users.principal.get(`${base}/classes/${w.classA.id}/sessions?status=skipped`));
    expect(skipped.items.map((s: any) => s.date)).toEqual(['2026-09-17']);
    expect((await ok(w.users.principal.get(`${base}/sessions/${two.id}`))).reflection).toBe('补记：张小刚讲了暑假见闻');
  });
});

describe('indicators on a hand-checked fortnight', () => {
  // School days 1–18 Sep 2026: 1–4, 7–11, 14–18 = 14 per class (no holiday in between).
  // Class A held on 2, 3, 14, 15, 16, 18 = 6; skipped 17; nothing recorded on the other 7 days.
  //   coverage 6/14. Planned topics up to 18 Sep: 14–18 = 5 days;
  //   as planned 14, 15, 16 (the class's replacement counts as its plan) = 3, changed 18 = 1,
  //   not held 17 = 1 → topics covered as planned 3/5, changed 1/5 (apart, never summed).
  //   presenters: a1 (14, 18), a2 (15, 16), a3 (2) → 3/4; a4 not yet.
  // Classes B and C recorded nothing: 0/14 each. 初一 6/28, 初二 0/14, school 6/42.
  it('gives a class its coverage, topics covered and presenters', async () => {
    const r = await ok(w.users.headA.get(`${base}/classes/${w.classA.id}/indicators?asOf=2026-09-18`));
    expect(r.coverage).toMatchObject({ schoolDays: 14, held: 6, skipped: 1, unrecorded: 7, coverage: rate(6, 14, 0.4286) });
    expect(r.topics).toEqual({
      planned: 5,
      heldAsPlanned: 3,
      heldChanged: 1,
      notHeld: 1,
      coverage: rate(3, 5, 0.6),
      changed: rate(1, 5, 0.2),
      uncovered: [{ date: '2026-09-17', topic: '校园防欺凌' }],
    });
    expect(r.presenters.share).toEqual(rate(3, 4, 0.75));
    expect(r.presenters.presented.map((p: any) => [p.name, p.times]).sort()).toEqual([
      ['张小刚', 1],
      ['李小红', 2],
      ['王小明', 2],
    ]);
    expect(r.presenters.notYet).toEqual([{ id: w.a4.id, name: '赵小丽' }]);
  });

  it('names, for the work report, exactly the class-days its coverage counted', async () => {
    const period = { from: '2026-09-01', to: '2026-09-18' };
    const q = { scope: { all: false, paths: [w.school.path] }, ...period };
    const [coverage] = moralEducationIndicators;
    const f = await coverage.compute(t.db, q);
    expect([f.numerator, f.denominator]).toEqual([6, 42]);
    const listed = async (filters: Record<string, string>) =>
      (await ok(w.users.academic.get(`${base}/schools/${w.school.id}/class-days?${new URLSearchParams({ ...period, ...filters, pageSize: '100' })}`))).items
        .map((r: any) => `${r.classId}&date=${r.date}`)
        .sort();
    // The ids are the rows of the figure's drill list, one by one: class A's six days held, every class's school days.
    expect(await coverage.records!(t.db, q, f)).toEqual({ numerator: await listed(f.drill!.numerator), denominator: await listed(f.drill!.denominator) });
  });

  it('gives the office coverage per class and grade, and exports it', async () => {
    const r = await ok(w.users.academic.get(`${base}/schools/${w.school.id}/coverage?asOf=2026-09-18&sort=coverage&order=desc`));
    expect(r.items.map((c: any) => [c.className, c.held, c.schoolDays])).toEqual([
      ['初一（1）班', 6, 14],
      ['初一（2）班', 0, 14],
      ['初二（1）班', 0, 14],
    ]);
    expect(r.grades.map((g: any) => [g.gradeName, g.coverage.numerator, g.coverage.denominator])).toEqual([
      ['初一', 6, 28],
      ['初二', 0, 14],
    ]);
    expect(r.school.coverage).toMatchObject({ value: 0.1429, numerator: 6, denominator: 42, unit: 'rate' });
    // The school's figure opens its class-days of the term so far, whose rows are its counts.
    for (const part of ['numerator', 'denominator'] as const) {
      const days = await ok(w.users.academic.get(`${base}/schools/${w.school.id}/class-days?${new URLSearchParams(r.school.coverage.drill[part])}`));
      expect(days.total).toBe(r.school.coverage[part]);
    }
    expect((await w.users.headA.get(`${base}/schools/${w.school.id}/coverage`)).status).toBe(403);
    expect((await w.users.otherPrincipal.get(`${base}/schools/${w.school.id}/coverage`)).status).toBe(404);
    const x = await t.app.inject({
      method: 'GET',
      url: `${base}/schools/${w.school.id}/coverage.xlsx?asOf=2026-09-18`,
      headers: { cookie: w.users.principal.cookie },
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as any);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r: any) => r.slice(1));
    expect(rows.map((r: any) => [r[1], r[3], r[6]])).toEqual([
      ['班级', '已开展', '覆盖率(%)'],
      ['初一（1）班', 6, 42.9],
      ['初一（2）班', 0, 0],
      ['初二（1）班', 0, 0],
    ]);
  });

  it('lists missed sessions for the moral-education office, filterable, and exports them', async () => {
    const all = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/missed?asOf=2026-09-18&pageSize=5`));
    expect(all.total).toBe(8 + 14 + 14);
    const skipped = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/missed?asOf=2026-09-18&kind=skipped`));
    expect(skipped.items).toEqual([
      {
        date: '2026-09-17',
        classId: w.classA.id,
        className: '初一（1）班',
        gradeName: '初一',
        kind: 'skipped',
        reason: '期中考试',
        plannedTopic: '校园防欺凌',
      },
    ]);
    const unrecordedA = await ok(
      w.users.principal.get(`${base}/schools/${w.school.id}/missed?asOf=2026-09-18&classId=${w.classA.id}&kind=unrecorded&pageSize=50`),
    );
    expect(unrecordedA.items.map((r: any) => r.date)).toEqual([
      '2026-09-01',
      '2026-09-04',
      '2026-09-07',
      '2026-09-08',
      '2026-09-09',
      '2026-09-10',
      '2026-09-11',
    ]);
    const grade2 = await ok(w.users.principal.get(`${base}/schools/${w.school.id}/missed?asOf=2026-09-18&gradeId=${w.grade2.id}`));
    expect(grade2.total).toBe(14);
    expect((await w.users.headA.get(`${base}/schools/${w.school.id}/missed`)).status).toBe(403);
    expect((await w.users.otherPrincipal.get(`${base}/schools/${w.school.id}/missed`)).status).toBe(404);
    const x = await t.app.inject({
      method: 'GET',
      url: `${base}/schools/${w.school.id}/missed.xlsx?asOf=2026-09-18&kind=skipped`,
      headers: { cookie: w.users.academic.cookie },
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as any);
    const rows = wb.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r: any) => r.slice(1));
    expect(rows).toEqual([
      ['日期', '年级', '班级', '情况', '原因', '计划话题'],
      // A date cell, which a spreadsheet sorts and filters as a date.
      [new Date('2026-09-17T00:00:00Z'), '初一', '初一（1）班', '未开展', '期中考试', '校园防欺凌'],
    ]);
  });
});

describe('the reminder to head teachers who have not recorded today', () => {
  it('goes once per class and day from 14:30 on school days, to the head teacher only', async () => {
    const kind = 'moralEducation.missingReminder';
    const inbox = (id: string) => t.db.selectFrom('notifications').select(['title', 'body']).where('account_id', '=', id).where('kind', '=', kind).execute();
    await ok(w.users.headA.post(`${base}/classes/${w.classA.id}/sessions`, { date: '2026-09-21', status: 'held', topic: '班会' }), 201);
    expect(await remindHeadTeachers(t.db, local('2026-09-21T14:29'))).toBe(0);
    expect(await remindHeadTeachers(t.db, local('2026-09-21T14:30'))).toBe(2); // head of B, head of X (other school)
    expect(await inbox(w.users.headA.accountId)).toHaveLength(0);
    expect(await inbox(w.users.subjA.accountId)).toHaveLength(0);
    const b = await inbox(w.users.headB.accountId);
    expect(b).toEqual([{ title: '十分钟思想教育：初一（2）班 今天还没有记录', body: expect.stringContaining('2026-09-21') }]);
    expect(await Promise.all([remindHeadTeachers(t.db, local('2026-09-21T15:00')), remindHeadTeachers(t.db, local('2026-09-21T15:00'))])).toEqual([0, 0]);
    // Saturday is no school day; the make-up Sunday is.
    expect(await remindHeadTeachers(t.db, local('2026-09-19T15:00'))).toBe(0);
    expect(await remindHeadTeachers(t.db, local('2026-09-20T14:30'))).toBe(3);
    expect(await inbox(w.users.headA.accountId)).toHaveLength(1);
  });

  it('follows the time each school sets', async () => {
    expect((await w.users.academic.patch(`/api/v1/school/schools/${w.school.id}/settings`, { moralReminderAt: '14:10' })).status).toBe(200);
    const sent = await remindHeadTeachers(t.db, local('2026-09-22T14:10'));
    expect(sent).toBe(2); // heads of A and B; the other school still waits for 14:30
    expect(await remindHeadTeachers(t.db, local('2026-09-22T14:30'))).toBe(1);
  });
});

describe("a student's own class plan", () => {
  it('shows a student the plan of their own class only, with no record of the sessions', async () => {
    const studentA = await t.user([{ role: 'student', org: w.classA }], { personId: w.a1.id });
    const studentB = await t.user([{ role: 'student', org: w.classB }], { personId: w.b1.id });
    const range = 'from=2026-09-14&to=2026-09-16';
    // Class A's sessions of those days (recorded above): their reflections and presenters are for teachers.
    const recorded: { reflection: string }[] = (await ok(w.users.headA.get(`${base}/classes/${w.classA.id}/sessions?from=2026-09-14&to=2026-09-16`))).items;
    expect(recorded.length).toBeGreaterThan(0);
    const mine = await ok(studentA.get(`${base}/my-class/plan?${range}`));
    expect(mine.classId).toBe(w.classA.id);
    expect(mine.className).toBe(w.classA.name);
    // Class A's head teacher replaced the 16th's topic (above): the student sees the class's, class B the school's.
    expect(mine.items.map((d: any) => [d.date, d.schoolDay, d.topic, d.theme])).toEqual([
      ['2026-09-14', true, '上下学交通安全', '安全教育'],
      ['2026-09-15', true, '防溺水', '安全教育'],
      ['2026-09-16', true, '我们班的用电安全检查', '安全教育'],
    ]);
    expect(Object.keys(mine.items[0]).sort()).toEqual(['date', 'schoolDay', 'theme', 'topic', 'week']);
    for (const r of recorded.filter((r) => r.reflection)) expect(JSON.stringify(mine)).not.toContain(r.reflection);
    const theirs = await ok(studentB.get(`${base}/my-class/plan?${range}`));
    expect(theirs.classId).toBe(w.classB.id);
    expect(theirs.items[2].topic).toBe('用电与消防安全');
    // The class-wide routes stay out of a student's reach (404): no class id opens another class, nor their own class's records.
    expect((await studentA.get(`${base}/classes/${w.classB.id}/plan?${range}`)).status).toBe(404);
    expect((await studentA.get(`${base}/classes/${w.classA.id}/sessions?from=2026-09-14&to=2026-09-14`)).status).toBe(404);
    // Roles that are not a student are refused; a student account with no pupil behind it reaches nothing.
    expect((await w.users.gA1.get(`${base}/my-class/plan?${range}`)).status).toBe(403);
    expect((await w.users.headA.get(`${base}/my-class/plan?${range}`)).status).toBe(403);
    expect((await (await t.user([{ role: 'student', org: w.classA }])).get(`${base}/my-class/plan?${range}`)).status).toBe(404);
    expect((await studentA.get(`${base}/my-class/plan?from=2026-09-16&to=2026-09-14`)).status).toBe(422);
  });
});

// Last in the file: class B's record here would change the counts the tests above check.
describe('the session photo', () => {
  it('removing a photo takes it off the record at once and its bytes off the disk at the next sweep', async () => {
    const url = `${base}/classes/${w.classB.id}/sessions`;
    const f = form({ date: '2026-09-15', status: 'held' }, { bytes: PNG, filename: '板报.png', type: 'image/png' });
    const s = await ok(w.users.headB.request('POST', url, f.body, f.headers), 201);
    const before = filesNow();
    const removed = await ok(w.users.headB.patch(`${base}/sessions/${s.id}`, { removePhoto: true }));
    expect(removed.photoUrl).toBeNull();
    expect((await w.users.headB.get(s.photoUrl)).status).toBe(404);
    expect((await ok(w.users.headB.get(`${base}/classes/${w.classB.id}/sessions?pageSize=50`))).items.find((x: any) => x.id === s.id).photoUrl).toBeNull();
    expect(await t.app.deps.scheduler.runOnce('core.filesSweep', new Date())).toBe(true);
    expect(filesNow()).toBe(before - 1);
  });
});
