/**
 * The work report on a seeded world: every figure of a generated report recounted from the
 * raw tables, the snapshot unmoved by a later change, the narrative versioned on issue, the
 * .docx read back through LibreOffice, the dashboard's thresholds, and who may see what.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp, type Response } from '../../../test/app.js';
import { useAppealsWorld, wageAppeal } from '../appeals/appeals.testkit.js';
import { useSchoolWorld } from '../school/school.testkit.js';
import JSZip from 'jszip';
import { formatFigure } from '../../../common/workReport.js';
import { chartedFigures } from '../../../common/workReportChart.js';
import { sectionsOf } from './workReport.service.js';
import { settleGenerations } from './index.js';
import { notableRecords } from './notableCases.testkit.js';

const t = useTestApp();
const w = useAppealsWorld(t, beforeAll);
const s = useSchoolWorld(t, beforeAll);
const year = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);
const YEAR = { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
/** Monday 14 to Friday 18 September 2026: five school days of the test school's term, no holiday. */
const WEEK = { kind: 'term', from: '2026-09-14', to: '2026-09-18' };

type Counted = { value: number | null; numerator: number; denominator: number };
const rate = (n: number, d: number): Counted => ({ value: d === 0 ? null : Math.round((n / d) * 10_000) / 10_000, numerator: n, denominator: d });
const count = (n: number): Counted => ({ value: n, numerator: n, denominator: n });

/** The appeal figures counted straight from the appeals table, by the definitions printed in the report. */
async function appealFiguresFromRows(orgPath: string, from: string, to: string): Promise<Record<string, Counted>> {
  const rows = (
    await sql<any>`select a.status, a.late, a.rating, a.reopen_count, a.first_answered_at, a.accepted_at, a.accept_due_date, a.accept_work_tenths
      from appeals a join orgs o on o.id = a.org_id
      where o.path like ${orgPath + '%'} and a.submitted_date >= ${from} and a.submitted_date <= ${to}`.execute(t.db)
  ).rows.filter((r) => r.status !== 'merged');
  const accepted = rows.filter((r) => ['accepted', 'assigned', 'handling', 'answered', 'closed'].includes(r.status));
  const done = rows.filter((r) => ['answered', 'closed'].includes(r.status));
  const closed = rows.filter((r) => r.status === 'closed');
  const rated = rows.filter((r) => r.rating);
  const answered = rows.filter((r) => r.first_answered_at);
  const tenths = accepted.map((r) => Number(r.accept_work_tenths)).sort((a, b) => a - b);
  expect(tenths.length % 2, 'an odd number of accepted appeals has a plain median').toBe(1);
  return {
    'appeals.submitted': count(rows.length),
    'appeals.acceptanceHours': { value: tenths[(tenths.length - 1) / 2] / 10, numerator: tenths.length, denominator: tenths.length },
    'appeals.acceptedOnTimeRate': rate(accepted.filter((r) => r.accepted_at < `${r.accept_due_date}T16:00:00.000Z`).length, accepted.length),
    'appeals.answerRate': rate(done.length, accepted.length),
    'appeals.onTimeAnswerRate': rate(done.filter((r) => Number(r.late) === 0).length, done.length),
    'appeals.closureRate': rate(closed.length, accepted.length),
    'appeals.onTimeClosureRate': rate(closed.filter((r) => Number(r.late) === 0).length, closed.length),
    'appeals.satisfactionRate': rate(rated.filter((r) => ['satisfied', 'basicallySatisfied'].includes(r.rating)).length, rated.length),
    'appeals.satisfiedShare': rate(rated.filter((r) => r.rating === 'satisfied').length, rated.length),
    'appeals.reopenRate': rate(answered.filter((r) => Number(r.reopen_count) > 0).length, answered.length),
    'appeals.stillOpen': count(rows.filter((r) => ['submitted', 'accepted', 'assigned', 'handling'].includes(r.status)).length),
  };
}

/** The school figures of one school week, counted from the notes, sessions, classes and students. */
async function schoolFiguresFromRows(schoolPath: string): Promise<Record<string, Counted>> {
  const classes = (await sql<any>`select id from orgs where kind = 'class' and path like ${schoolPath + '%'}`.execute(t.db)).rows.map((r) => r.id);
  const students = (
    await sql<any>`select count(*) as n from persons where kind = 'student' and archived = 0 and org_id in (${sql.join(classes)})`.execute(t.db)
  ).rows[0].n;
  const notes = (await sql<any>`select * from heart_bridge_notes where week = '2026-W38' and class_id in (${sql.join(classes)})`.execute(t.db)).rows;
  const held = (
    await sql<any>`select count(*) as n from moral_sessions where status = 'held' and date between ${WEEK.from} and ${WEEK.to} and class_id in (${sql.join(classes)})`.execute(
      t.db,
    )
  ).rows[0].n;
  const school = notes.filter((n) => n.school_written_at);
  const home = notes.filter((n) => n.home_written_at);
  return {
    'heartBridge.twoWayCoverage': rate(notes.filter((n) => n.school_written_at && n.home_written_at).length, Number(students)),
    'heartBridge.replyRate': rate(school.filter((n) => n.home_written_at).length, school.length),
    'heartBridge.readRate': rate(school.filter((n) => n.read_by_home_at).length + home.filter((n) => n.read_by_school_at).length, school.length + home.length),
    // Five school days for every class of the school.
    'moralEducation.coverage': rate(Number(held), classes.length * 5),
    // Nobody logged a lesson yet: none of the students on the rolls was reached.
    'lessonLogs.studentsReached': rate(0, Number(students)),
  };
}

/** Figures whose denominator is the roster, not a practice's records: the workers on it, though none made a suggestion. */
async function rosterFiguresFromRows(orgPath: string): Promise<Record<string, Counted>> {
  const workers = Number(
    (
      await sql<any>`select count(*) as n from persons p join orgs o on o.id = p.org_id where p.kind = 'worker' and p.archived = 0 and o.path like ${orgPath + '%'}`.execute(
        t.db,
      )
    ).rows[0].n,
  );
  return { 'suggestions.per100Workers': rate(0, workers), 'suggestions.participationRate': rate(0, workers) };
}

/** Averages (a count per record) have no value without records, like a rate; other counts are 0. */
const AVERAGES = new Set(['contracts.appealsPerClause', 'hardship.assistancePerHousehold', 'congress.proposalsPerRepresentative']);
const nothing = (f: { key: string; unit: string }) => ({
  value: !AVERAGES.has(f.key) && (f.unit === 'count' || f.unit === 'yuan') ? 0 : null,
  numerator: 0,
  denominator: 0,
});

type Caller = {
  get(url: string): Promise<{ status: number; body: any }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any; text: string }>;
};

async function generated(client: Caller, body: object) {
  const res = await client.post('/api/v1/work-reports', body);
  expect(res.status, res.text).toBe(202);
  expect(['queued', 'generating']).toContain(res.body.status);
  await settleGenerations();
  const done = await client.get(`/api/v1/work-reports/${res.body.id}`);
  expect(done.status).toBe(200);
  return done.body;
}

let groupReport: any;
/** The three appeals of the group's year, as submitted in beforeAll. */
let appealIds: string[];

beforeAll(async () => {
  // Union: three appeals this year; two accepted, one answered and rated satisfied (closed).
  const author = await w.worker();
  const ids: string[] = [];
  for (const title of ['工资少发', '加班费未发', '夜班补贴']) ids.push((await author.post('/api/v1/appeals', wageAppeal({ title }))).body.id);
  appealIds = ids;
  for (const id of ids.slice(0, 2)) expect((await w.staff.post(`/api/v1/appeals/${id}/accept`, {})).status).toBe(200);
  expect((await w.staff.post(`/api/v1/appeals/${ids[0]}/assign`, { departmentId: w.prod1.id })).status).toBe(200);
  expect((await w.handler.post(`/api/v1/appeals/${ids[0]}/answer`, { answer: '已补发' })).status).toBe(200);
  expect((await author.post(`/api/v1/appeals/${ids[0]}/rate`, { rating: 'satisfied' })).status).toBe(200);
  // A third accepted appeal gives the median acceptance time a middle value.
  expect((await w.staff.post(`/api/v1/appeals/${ids[2]}/accept`, {})).status).toBe(200);

  // School: 心桥 pages in week 38 and two ten-minute sessions, one held.
  const { headA, gA1 } = s.users;
  const page = (id: string) => `/api/v1/heart-bridge/students/${id}/weeks/2026-W38`;
  const words = { atSchool: '上课专注。', suggestion: '', encouragement: '继续加油！' };
  expect((await headA.request('PUT', `${page(s.a1.id)}/school`, words)).status).toBe(200);
  expect((await gA1.request('PUT', `${page(s.a1.id)}/home`, { atHome: '按时完成作业。', suggestion: '', encouragement: '为你骄傲' })).status).toBe(200);
  expect((await headA.request('PUT', `${page(s.a2.id)}/school`, words)).status).toBe(200);
  const url = `/api/v1/moral-education/classes/${s.classB.id}/sessions`;
  expect((await s.users.headB.post(url, { date: '2026-09-14', status: 'held', topic: '交通安全' })).status).toBe(201);
  expect((await s.users.headB.post(url, { date: '2026-09-15', status: 'skipped', skipReason: '运动会', topic: '交通安全' })).status).toBe(201);

  groupReport = await generated(w.chair, { orgId: w.group.id, ...YEAR });
});

describe('the work report', () => {
  it('snapshots every registered indicator for the group, each recounted from the raw tables', async () => {
    expect(groupReport).toMatchObject({ status: 'draft', progress: 100, version: 0, kind: 'year', title: `${w.group.name}${year}年度工作总结` });
    const expected = { ...(await appealFiguresFromRows(w.group.path, YEAR.from, YEAR.to)), ...(await rosterFiguresFromRows(w.group.path)) };
    const defs = (await w.chair.get('/api/v1/indicators')).body.items.map((i: { key: string }) => i.key);
    expect(groupReport.figures.map((f: { key: string }) => f.key).sort()).toEqual([...defs].sort());
    for (const f of groupReport.figures) {
      expect(f.ref).toMatch(/^F-\d{2}$/);
      // The group holds no school, and this world holds no records of the other practices: they count nothing there.
      const want = expected[f.key] ?? nothing(f);
      expect({ key: f.key, value: f.value, numerator: f.numerator, denominator: f.denominator }).toEqual({ key: f.key, ...want });
    }
    expect(expected['appeals.submitted'].value).toBe(3);
    expect(expected['appeals.closureRate']).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
    // Two of the three are accepted and not yet answered: what the year leaves open.
    expect(expected['appeals.stillOpen'].value).toBe(2);
    const sub = groupReport.figures.find((f: { key: string }) => f.key === 'appeals.submitted');
    expect(sub.drill).toEqual({ numerator: { status: expect.any(String) }, denominator: { status: expect.any(String) } });
    // Counted at one instant, the report's own generation time: figures of "today" and a recount agree on the day.
    expect(sub.query).toEqual({ orgId: w.group.id, orgPath: w.group.path, from: YEAR.from, to: YEAR.to, asOf: groupReport.generatedAt });
  });

  it('counts the school term report from the notes and sessions, with a drill list where the practice has one', async () => {
    const report = await generated(s.users.principal, { orgId: s.school.id, ...WEEK });
    const expected = await schoolFiguresFromRows(s.school.path);
    expect(expected['moralEducation.coverage']).toEqual({ value: 0.0667, numerator: 1, denominator: 15 });
    expect(expected['heartBridge.twoWayCoverage']).toEqual({ value: 0.1429, numerator: 1, denominator: 7 });
    for (const f of report.figures) {
      const want = expected[f.key] ?? nothing(f);
      expect({ key: f.key, value: f.value, numerator: f.numerator, denominator: f.denominator }).toEqual({ key: f.key, ...want });
      // 心桥 coverage and reply rate open the school's student-weeks (the read rate counts sides: no list); 十分钟 its class-days.
      if (f.key === 'heartBridge.readRate') expect(f.drill).toBeNull();
      if (f.key === 'heartBridge.twoWayCoverage') expect(f.drill).toEqual({ numerator: { twoWay: '1' }, denominator: {} });
      if (f.module === 'moralEducation') expect(f.drill).toEqual({ numerator: { held: '1' }, denominator: {} });
    }
  });

  it('keeps an issued snapshot when records change later, while the dashboard moves', async () => {
    const before = groupReport.figures;
    const author = await w.worker();
    const id = (await author.post('/api/v1/appeals', wageAppeal({ title: '后来的诉求' }))).body.id;
    expect((await w.staff.post(`/api/v1/appeals/${id}/accept`, {})).status).toBe(200);
    const again = (await w.chair.get(`/api/v1/work-reports/${groupReport.id}`)).body;
    expect(again.figures).toEqual(before);
    const dash = (await w.chair.get(`/api/v1/work-report/dashboard?orgId=${w.group.id}&from=${YEAR.from}&to=${YEAR.to}`)).body;
    const submitted = dash.groups.find((g: { module: string }) => g.module === 'appeals').items.find((i: { key: string }) => i.key === 'appeals.submitted');
    expect(submitted.current.value).toBe(4);
    expect(before.find((f: { key: string }) => f.key === 'appeals.submitted').value).toBe(3);
  });

  it('keeps which appeals each figure counted: the snapshot’s records stay as generated when an appeal moves on, each list as long as its figure', async () => {
    const ref = (key: string) => groupReport.figures.find((f: { key: string }) => f.key === key);
    const records = async (key: string, part = 'numerator', c: Caller = w.chair) =>
      c.get(`/api/v1/work-reports/${groupReport.id}/records?${new URLSearchParams({ ref: ref(key).ref, part })}`);
    // The second appeal is answered after generation: the live answer rate moves, the snapshot's list does not.
    expect((await w.staff.post(`/api/v1/appeals/${appealIds[1]}/assign`, { departmentId: w.prod1.id })).status).toBe(200);
    expect((await w.handler.post(`/api/v1/appeals/${appealIds[1]}/answer`, { answer: '已核实' })).status).toBe(200);
    const answered = (await records('appeals.answerRate')).body;
    expect(answered).toMatchObject({ part: 'numerator', count: 1, kept: true, visible: true, total: 1, items: [appealIds[0]] });
    expect((await records('appeals.answerRate', 'denominator')).body.items).toEqual([...appealIds].sort());
    // Appeals submitted later are not in it either.
    expect((await records('appeals.submitted')).body.items).toEqual([...appealIds].sort());
    // Every appeal figure: as many ids as its snapshotted count, numerator and denominator.
    for (const f of groupReport.figures.filter((x: { module: string }) => x.module === 'appeals'))
      for (const part of ['numerator', 'denominator']) {
        const body = (await records(f.key, part)).body;
        expect({ key: f.key, part, total: body.total }).toEqual({ key: f.key, part, total: f[part] });
      }
    // Outside the report's org the records are as hidden as the report.
    expect((await records('appeals.submitted', 'numerator', s.users.otherPrincipal)).status).toBe(404);
    const unknown = await w.chair.get(`/api/v1/work-reports/${groupReport.id}/records?ref=F-999`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('query.ref');
  });

  it('shows a hardship figure’s households only to a hardship officer: the principal sees its count alone', async () => {
    const report = (await s.users.principal.get(`/api/v1/work-reports?orgId=${s.school.id}`)).body.items[0];
    const full = (await s.users.principal.get(`/api/v1/work-reports/${report.id}`)).body;
    const f = full.figures.find((x: { key: string }) => x.key === 'hardship.newlyFiled');
    const res = await s.users.principal.get(`/api/v1/work-reports/${report.id}/records?ref=${f.ref}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: f.numerator, kept: true, visible: false, total: null, items: [] });
  });

  it('edits the narrative with the figures locked, issues numbered versions, and keeps each version’s words', async () => {
    const url = `/api/v1/work-reports/${groupReport.id}`;
    const narrative = { summary: '全年工作平稳有序。', sections: { appeals: '诉求渠道畅通。' }, plan: '明年继续。' };
    const bad = await w.chair.request('PUT', `${url}/narrative`, { ...narrative, sections: { nowhere: '？' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('body.sections.nowhere');
    expect((await w.chair.request('PUT', `${url}/narrative`, narrative)).body).toMatchObject({ status: 'draft', narrative, figures: groupReport.figures });
    const v1 = await w.staff.post(`${url}/issue`, {});
    expect(v1.body).toMatchObject({ status: 'issued', version: 1, versions: [{ version: 1 }] });
    expect((await w.staff.post(`${url}/issue`, {})).status).toBe(409);
    await w.chair.request('PUT', `${url}/narrative`, { ...narrative, summary: '第二稿。' });
    expect((await w.chair.post(`${url}/issue`, {})).body).toMatchObject({ version: 2, versions: [{ version: 1 }, { version: 2 }] });
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', groupReport.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'workReport.create',
      'workReport.issue',
      'workReport.issue',
      'workReport.narrative',
      'workReport.narrative',
    ]);
  });

  it('writes a .docx with a chart per practice that LibreOffice reads back with every snapshot number and its reference code, and the A4 PDF of it', async () => {
    const res = await w.chair.get(`/api/v1/work-reports/${groupReport.id}/report.docx?version=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('年度工作总结.docx'));
    const raw = (res as Response).raw;
    // Each charted practice's picture: the SVG ECharts drew and the EMF every reader draws, both holding the figure labels.
    const zip = await JSZip.loadAsync(raw);
    const charted = sectionsOf(groupReport.figures)
      .map((s) => chartedFigures(s.figures))
      .filter((l) => l.length);
    expect(charted.length).toBeGreaterThan(0);
    for (const [i, figures] of charted.entries()) {
      const svg = await zip.file(`word/media/picture${i + 1}.svg`)!.async('string');
      const emf = await zip.file(`word/media/picture${i + 1}.emf`)!.async('nodebuffer');
      for (const f of figures) {
        expect(svg, f.key).toContain(`>${f.label.zh}</text>`);
        expect(emf.includes(Buffer.from(f.label.zh, 'utf16le')), f.key).toBe(true);
      }
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-report-test-'));
    try {
      fs.writeFileSync(path.join(dir, 'r.docx'), raw);
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'html:XHTML Writer File:UTF8', '--outdir', dir, path.join(dir, 'r.docx')],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
      // LibreOffice drew every chart: it exports each picture it rendered as an image of the page.
      expect(html.match(/<img\b/g) ?? []).toHaveLength(charted.length);
      const text = html
        .replace(/<[^>]*>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
      expect(text).toContain(`${w.group.name}${year}年度工作总结`);
      // Version 1's words, not the later draft's.
      expect(text).toContain('全年工作平稳有序。');
      expect(text).not.toContain('第二稿。');
      // Each practice's problems still open, printed apart from its work done: the appeals left open among them.
      const generatedOn = groupReport.generatedAt.slice(0, 10);
      for (const sec of sectionsOf(groupReport.figures)) {
        const open = sec.figures.filter((f: { aspect?: string }) => f.aspect === 'open');
        const lead = (l: typeof open) => l.map((f: any) => `${f.label.zh}${formatFigure(f.unit, f.value)}[${f.ref}]`).join('，');
        if (open.length) expect(text, sec.module).toContain(`存在问题（截至 ${generatedOn}）：${lead(open)}。`);
        const done = sec.figures.filter((f: { aspect?: string }) => f.aspect !== 'open');
        if (done.length) expect(text, sec.module).toContain(`本期${lead(done)}。`);
      }
      expect(text).toMatch(new RegExp(`存在问题（截至 ${generatedOn}）：未办结诉求数2\\[F-\\d{2}\\]。`));
      for (const f of groupReport.figures) {
        expect(text, f.key).toContain(`${f.label.zh}${formatFigure(f.unit, f.value)}[${f.ref}]`);
        expect(text, f.key).toContain(f.unit === 'count' ? `${f.numerator}` : `${f.numerator} / ${f.denominator}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The same version as PDF, converted by LibreOffice on the server (what the page's PDF button downloads).
    const pdf = await w.chair.get(`/api/v1/work-reports/${groupReport.id}/report.pdf?version=1`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('年度工作总结.pdf'));
    const bytes = (pdf as Response).raw;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 portrait, as the .docx lays it out: 595.3 × 841.9 points.
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?\s*\]/);
    // LibreOffice's first start builds its profile: tens of seconds on a loaded machine.
  }, 240_000);

  it('marks a figure that crosses the threshold the org set, and refuses a rate threshold above 1', async () => {
    const put = (items: object[]) => w.chair.request('PUT', '/api/v1/work-report/thresholds', { orgId: w.group.id, items });
    const bad = await put([{ indicator: 'appeals.closureRate', direction: 'below', value: 90 }]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('body.items.0.value');
    expect(
      (
        await put([
          { indicator: 'appeals.closureRate', direction: 'below', value: 0.9 },
          { indicator: 'appeals.submitted', direction: 'above', value: 100 },
        ])
      ).status,
    ).toBe(200);
    const dash = (await w.staff.get(`/api/v1/work-report/dashboard?orgId=${w.group.id}&from=${YEAR.from}&to=${YEAR.to}`)).body;
    const items = dash.groups.find((g: { module: string }) => g.module === 'appeals').items;
    expect(items.find((i: { key: string }) => i.key === 'appeals.closureRate')).toMatchObject({ alert: true, threshold: { direction: 'below', value: 0.9 } });
    expect(items.find((i: { key: string }) => i.key === 'appeals.submitted')).toMatchObject({ alert: false });
    // Twelve months of trend, the year before as the comparison.
    expect(items[0].trend).toHaveLength(12);
    expect(dash.previous).toEqual({ from: `${Number(year) - 1}-01-01`, to: `${Number(year) - 1}-12-31` });
  });

  it('prints each figure against the previous period and the target the org set, the target frozen with the snapshot', async () => {
    const put = (value: number) =>
      w.chair.request('PUT', '/api/v1/work-report/thresholds', {
        orgId: w.group.id,
        items: [
          { indicator: 'appeals.closureRate', direction: 'below', value },
          { indicator: 'appeals.submitted', direction: 'above', value: 100 },
        ],
      });
    expect((await put(0.9)).status).toBe(200);
    const report = await generated(w.chair, { orgId: w.group.id, kind: 'halfYear', from: `${year}-07-01`, to: `${year}-12-31` });
    const fig = (r: { figures: any[] }, key: string) => r.figures.find((f) => f.key === key);
    expect(fig(report, 'appeals.closureRate').target).toMatchObject({ direction: 'below', value: 0.9 });
    expect(fig(report, 'appeals.submitted').target).toMatchObject({ direction: 'above', value: 100 });
    expect(fig(report, 'appeals.answerRate').target).toBeNull();
    // The previous period is the first half-year, counted as well.
    expect(fig(report, 'appeals.submitted').previous).toEqual({ value: 0, numerator: 0, denominator: 0 });
    // The org moves its target later: the report keeps the one it was written against, the dashboard shows the new one.
    expect((await put(0.5)).status).toBe(200);
    expect(fig((await w.chair.get(`/api/v1/work-reports/${report.id}`)).body, 'appeals.closureRate').target).toMatchObject({ value: 0.9 });
    const dash = (await w.chair.get(`/api/v1/work-report/dashboard?orgId=${w.group.id}&from=${year}-07-01&to=${year}-12-31`)).body;
    const closure = dash.groups.find((g: { module: string }) => g.module === 'appeals').items.find((i: { key: string }) => i.key === 'appeals.closureRate');
    expect(closure).toMatchObject({ threshold: { value: 0.5 }, previous: { value: null } });
    // The .docx table: this period, the previous one and the target, side by side in the figure's row.
    const xml = await (
      await JSZip.loadAsync(((await w.chair.get(`/api/v1/work-reports/${report.id}/report.docx`)) as Response).raw)
    )
      .file('word/document.xml')!
      .async('string');
    const cells = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) => [...row[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]));
    expect(cells).toContainEqual(['指标', '本期', '上期', '目标', '分子 / 分母', '附注']);
    const row = (f: any) => cells.find((c) => c[0] === f.label.zh && c[c.length - 1] === f.ref);
    const c = fig(report, 'appeals.closureRate');
    expect(row(c)).toEqual([c.label.zh, formatFigure('rate', c.value), '—', '≥ 90.0%', `${c.numerator} / ${c.denominator}`, c.ref]);
    const n = fig(report, 'appeals.submitted');
    expect(row(n)).toEqual([n.label.zh, String(n.value), '0', '≤ 100', String(n.numerator), n.ref]);
    expect(row(fig(report, 'appeals.answerRate'))?.[3]).toBe('—');
    await put(0.9);
  });

  it('alerts on a threshold held for weeks only when every one of the last whole weeks crossed it', async () => {
    const put = (value: number) =>
      s.users.principal.request('PUT', '/api/v1/work-report/thresholds', {
        orgId: s.school.id,
        items: [{ indicator: 'heartBridge.twoWayCoverage', direction: 'below', value, weeks: 2 }],
      });
    // September to Sunday the 27th: weeks 38 (one student of seven wrote both sides) and 39 (nobody wrote).
    const coverage = async () => {
      const dash = (await s.users.principal.get(`/api/v1/work-report/dashboard?orgId=${s.school.id}&from=2026-09-01&to=2026-09-27`)).body;
      return dash.groups.find((g: { module: string }) => g.module === 'heartBridge').items.find((i: { key: string }) => i.key === 'heartBridge.twoWayCoverage');
    };
    const weeks = [
      { from: '2026-09-14', to: '2026-09-20', value: 0.1429 },
      { from: '2026-09-21', to: '2026-09-27', value: 0 },
    ];
    expect((await put(0.1)).status).toBe(200);
    // Below 10 % in week 39 alone: one week is not two.
    expect(await coverage()).toMatchObject({ alert: false, alertWeeks: weeks, threshold: { value: 0.1, weeks: 2 } });
    expect((await put(0.8)).status).toBe(200);
    expect(await coverage()).toMatchObject({ alert: true, alertWeeks: weeks });
    const bad = await s.users.principal.request('PUT', '/api/v1/work-report/thresholds', {
      orgId: s.school.id,
      items: [{ indicator: 'heartBridge.twoWayCoverage', direction: 'below', value: 0.8, weeks: 9 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'body.items.0.weeks', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it('shows reports and dashboards only within the viewer’s org', async () => {
    const other = s.users.otherPrincipal;
    expect((await other.get(`/api/v1/work-reports/${groupReport.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/work-report/dashboard?orgId=${w.group.id}&from=${YEAR.from}&to=${YEAR.to}`)).status).toBe(404);
    expect((await other.get('/api/v1/work-reports')).body.items.map((r: { id: string }) => r.id)).not.toContain(groupReport.id);
    expect((await w.chair.get(`/api/v1/work-reports?orgId=${w.group.id}`)).body.items.map((r: { id: string }) => r.id)).toContain(groupReport.id);
    const worker = await w.worker();
    expect((await worker.get(`/api/v1/work-reports/${groupReport.id}`)).status).toBe(404);
    const wrongYear = await w.chair.post('/api/v1/work-reports', { orgId: w.group.id, kind: 'year', from: `${year}-02-01`, to: `${year}-12-31` });
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.body.errors[0].field).toBe('body.from');
  });

  it('suggests the largest group dispute settled as a notable case, naming nobody, and prints only what a module suggested', async () => {
    const team = await w.team();
    const complaints = ['食堂饭菜涨价了', '食堂价格上涨太快', '班中餐变贵了', '职工餐涨价没公示', '吃饭越来越贵'];
    const ids: string[] = [];
    for (const [i, title] of complaints.entries()) {
      const person = await t.person(team, { name: `食堂职工${i + 1}` });
      ids.push(
        (
          await w.staff.post('/api/v1/appeals', {
            category: 'benefits',
            title,
            description: `${title}，职工食堂每份菜涨了两块钱。`,
            onBehalfOf: { personId: person.id, channel: 'visit' },
          })
        ).body.id,
      );
    }
    const alertId = (await w.staff.get(`/api/v1/appeals/${ids[0]}`)).body.groupAlertId;
    expect(alertId).toBeTruthy();
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/confirm`, { note: '确认为群体诉求' })).status).toBe(200);
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/assign`, { departmentId: w.elec1.id })).status).toBe(200);
    expect((await w.staff.post(`/api/v1/appeals/group-alerts/${alertId}/answer`, { answer: '食堂价格恢复原标准，多收部分下月退还。' })).status).toBe(200);

    const url = `/api/v1/work-reports/${groupReport.id}`;
    const res = await w.chair.get(`${url}/notable-cases`);
    expect(res.status).toBe(200);
    const cases = res.body.items.find((x: { module: string }) => x.module === 'appeals').cases;
    expect(cases[0]).toMatchObject({ key: `groupAlert:${alertId}`, title: expect.stringContaining('福利群体诉求') });
    expect(cases[0].summary).toContain('5 名职工');
    expect(cases[0].summary).toContain('食堂价格恢复原标准，多收部分下月退还。');
    expect(JSON.stringify(res.body)).not.toMatch(/食堂职工\d/);
    // Who may not write the report gets no suggestions.
    expect((await (await w.worker()).get(`${url}/notable-cases`)).status).toBe(404);

    const words = { summary: '全年工作平稳有序。', sections: {}, plan: '' };
    const forged = await w.chair.request('PUT', `${url}/narrative`, { ...words, cases: { appeals: [{ ...cases[0], key: 'groupAlert:none' }] } });
    expect(forged.status).toBe(422);
    expect(forged.body.errors[0].field).toBe('body.cases.appeals.0');
    // The case is kept as its module words it, whatever the browser sent with its key.
    const saved = await w.chair.request('PUT', `${url}/narrative`, { ...words, cases: { appeals: [{ ...cases[0], summary: '张三等人闹事' }] } });
    expect(saved.status).toBe(200);
    expect(saved.body.narrative.cases.appeals).toEqual([cases[0]]);
    const docx = await JSZip.loadAsync(((await w.chair.get(`${url}/report.docx`)) as Response).raw);
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain(`典型案例一：${cases[0].title}`);
    expect(xml).not.toContain('张三');
  });

  it('suggests a household helped, the suggestion with the largest benefit and the widest proposal, each naming nobody, and prints the picked ones', async () => {
    const r = await notableRecords(t.db, year, { group: w.group, mine: w.mine1, department: w.elec1, person: (org, name) => t.person(org, { name }) });
    const url = `/api/v1/work-reports/${groupReport.id}`;
    const res = await w.chair.get(`${url}/notable-cases`);
    expect(res.status).toBe(200);
    const first = (module: string) => res.body.items.find((x: { module: string }) => x.module === module).cases[0];
    const household = first('hardship');
    expect(household).toMatchObject({ kind: { zh: '帮扶脱困的困难职工家庭' }, title: '一户因病、因子女就学致困的职工家庭' });
    expect(household.summary).toBe(`${Number(year) - 1}年建档（深度困难），期间得到生活救助、医疗救助、助学共 3 次帮扶，${year}年6月脱困，至今未返困。`);
    // Not even the file's id: the key is a digest of it.
    expect(household.key).not.toContain(r.household.id);
    const suggestion = first('suggestions');
    expect(suggestion).toMatchObject({ key: `suggestion:${r.suggestion.id}`, title: `一号矿职工建议“${r.suggestion.title}”` });
    expect(suggestion.summary).toContain('经核实节约成本 128,000 元');
    const proposal = first('congress');
    expect(proposal).toMatchObject({ key: `proposal:${r.proposal.id}`, title: `三届二次职代会第 1 号提案“${r.proposal.title}”` });
    expect(proposal.summary).toContain('3 名代表附议，交机电部办理');
    expect(proposal.summary).toContain('已开通井下送餐专线');
    const words = JSON.stringify(res.body.items.flatMap((x: { cases: { title: string; summary: string }[] }) => x.cases.map((c) => [c.title, c.summary])));
    for (const secret of r.secrets) expect(words, secret).not.toContain(secret);

    const picked = { hardship: [household], suggestions: [suggestion], congress: [proposal] };
    const saved = await w.chair.request('PUT', `${url}/narrative`, { summary: '全年工作平稳有序。', sections: {}, plan: '', cases: picked });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.narrative.cases).toMatchObject(picked);
    const xml = await (await JSZip.loadAsync(((await w.chair.get(`${url}/report.docx`)) as Response).raw)).file('word/document.xml')!.async('string');
    for (const c of [household, suggestion, proposal]) {
      expect(xml).toContain(c.title);
      expect(xml).toContain(c.summary);
    }
  });
});
