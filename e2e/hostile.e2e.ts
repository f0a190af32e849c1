/**
 * Injected markup is never rendered. HTML and script payloads are submitted through the API
 * as ordinary user text — an appeal's title and description (also in staff notifications),
 * both sides of a 心桥 page, a person's name, a 十分钟 session's topic and reflection — and
 * then the pages that show that text are opened in real Chromium. On each page the text
 * must be visible literally, and none of the payloads may have become an element (img[src=x],
 * svg[onload], a script or iframe carrying it, any on* attribute with it) or run (`window.__xss`).
 * The elements are the real check: the app's CSP forbids inline handlers, so a rendered payload
 * would not run even if it were there — the last test shows the check sees it anyway.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, launch, login, newPage, shot, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '<svg onload="window.__xss=3"></svg>';
const IFRAME = '<iframe src="javascript:window.top.__xss=4"></iframe>';
// A letter first: a bare number would also match the demo's 工号 (a search for 1009 found 105 workers numbered
// 1009xx). Short, because a person's name holds at most 40 characters and the markup takes 36 of them.
const tag = `Q${Date.now() % 100}`;

const text = {
  appealTitle: `更衣柜${IMG}${tag}`,
  appealDescription: `综采一队更衣柜不够用。${SCRIPT}${SVG}${IFRAME}"'; drop table appeals; --`,
  school: `本周表现很好${IMG}${SCRIPT}${tag}`,
  home: `在家按时完成作业${SVG}${IMG}${tag}`,
  person: `张<img src=x onerror=window.__xss=5>${tag}`,
  topic: `诚信${IMG}${tag}`,
  reflection: `同学们讨论热烈${SCRIPT}${SVG}${tag}`,
};

/** ISO week of a Shanghai calendar day, as the 心桥 routes name weeks (2026-W48). */
function isoWeek(now = new Date()): string {
  const d = new Date(`${now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** What the page would show if any payload had turned into markup or run. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    xss: (window as any).__xss ?? null,
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    script: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
    svg: document.querySelectorAll('svg[onload]').length,
    iframe: document.querySelectorAll('iframe[src^="javascript"]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on') && a.value.includes('__xss'))).length,
  }));
}

const CLEAN = { xss: null, img: 0, script: 0, svg: 0, iframe: 0, handlers: 0 };

/** Waits until the literal text is on the page, then checks that nothing was injected. */
async function showsLiterally(page: Page, literal: string, name: string) {
  try {
    await page.getByText(literal, { exact: false }).first().waitFor({ timeout: 20_000 });
  } catch (err) {
    await shot(page, `hostile-${name}-missing`);
    throw err;
  }
  // Give any onerror/onload a moment to fire before looking.
  await page.waitForTimeout(300);
  expect(await injected(page), name).toEqual(CLEAN);
  await shot(page, `hostile-${name}`);
}

let appealId = '';
let child: { id: string; name: string; classId: string };
const week = isoWeek();

beforeAll(async () => {
  server = await startServer();
  browser = await launch();

  const worker = await apiAs(server.url, 'worker');
  const appeal = await worker<any>('POST', '/appeals', { category: 'benefits', title: text.appealTitle, description: text.appealDescription });
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
  appealId = appeal.body.id;

  const parent = await apiAs(server.url, 'parent');
  child = (await parent<any>('GET', '/school/me')).body.children[0];
  const head = await apiAs(server.url, 'head');
  const school = await head('PUT', `/heart-bridge/students/${child.id}/weeks/${week}/school`, { atSchool: text.school });
  expect(school.status, JSON.stringify(school.body)).toBe(200);
  const home = await parent('PUT', `/heart-bridge/students/${child.id}/weeks/${week}/home`, { atHome: text.home });
  expect(home.status, JSON.stringify(home.body)).toBe(200);

  // Today's session may already be in the demo: record it, or else change the one there.
  const rec = await head<any>('POST', `/moral-education/classes/${child.classId}/sessions`, { status: 'held', topic: text.topic, reflection: text.reflection });
  if (rec.status !== 201) {
    const list = await head<any>('GET', `/moral-education/classes/${child.classId}/sessions?sort=date&order=desc&pageSize=1`);
    const id = list.body.items[0]?.id;
    const upd = await head('PATCH', `/moral-education/sessions/${id}`, { status: 'held', topic: text.topic, reflection: text.reflection });
    expect(upd.status, `record ${rec.status} ${JSON.stringify(rec.body)}; update ${JSON.stringify(upd.body)}`).toBe(200);
  }

  const admin = await apiAs(server.url, 'admin');
  const person = await admin<any>('POST', '/people', { orgId: child.classId, kind: 'student', name: text.person });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('no injected markup is ever rendered', () => {
  it('the worker’s appeal list and detail show the title and description as text', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await login(page, server.url, 'worker');
    await page.goto(`${server.url}/appeals/mine`);
    await showsLiterally(page, text.appealTitle, 'worker-mine');
    await page.goto(`${server.url}/appeals/${appealId}`);
    await showsLiterally(page, text.appealTitle, 'worker-detail');
    await showsLiterally(page, '"\'; drop table appeals; --', 'worker-detail-description');
    expect(await page.getByText(SCRIPT, { exact: false }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it('union staff see the same text in the inbox, the detail and their notifications', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await login(page, server.url, 'staff');
    await page.goto(`${server.url}/appeals`);
    await page.getByTestId('appeals-filter-q').fill('更衣柜');
    await page.getByTestId('appeals-filter-q').press('Enter');
    await showsLiterally(page, text.appealTitle, 'staff-inbox');
    await page.goto(`${server.url}/appeals/${appealId}`);
    await showsLiterally(page, text.appealTitle, 'staff-detail');
    await showsLiterally(page, IFRAME, 'staff-detail-description');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').waitFor();
    await showsLiterally(page, text.appealTitle, 'staff-notifications');
    await context.close();
  });

  it('the 心桥 page shows both sides as text, to the head teacher and to the parent', async () => {
    const teacher = await newPage(browser, DESKTOP);
    await login(teacher.page, server.url, 'head');
    await teacher.page.goto(`${server.url}/heart-bridge/class/${child.classId}/weeks/${week}/students/${child.id}`);
    await showsLiterally(teacher.page, text.school, 'hb-teacher-school');
    await showsLiterally(teacher.page, text.home, 'hb-teacher-home');
    // The printable book is HTML made by the server, not React: its escaping is the server's own.
    await teacher.page.goto(`${server.url}/api/v1/heart-bridge/classes/${child.classId}/weeks/${week}/print`);
    await showsLiterally(teacher.page, text.school, 'hb-print-school');
    await showsLiterally(teacher.page, text.home, 'hb-print-home');
    await teacher.context.close();

    const parent = await newPage(browser, PHONE);
    await login(parent.page, server.url, 'parent');
    await parent.page.goto(`${server.url}/heart-bridge/family`);
    await showsLiterally(parent.page, text.school, 'hb-parent-school');
    await showsLiterally(parent.page, text.home, 'hb-parent-home');
    await parent.context.close();
  });

  it('the people list shows a name with markup as text', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await login(page, server.url, 'admin');
    await page.goto(`${server.url}/people`);
    await page.getByTestId('people-filter-q').fill(tag);
    await page.getByTestId('people-filter-q').press('Enter');
    await showsLiterally(page, text.person, 'people-list');
    await context.close();
  });

  it('the class’s 十分钟 records show the topic as text', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await login(page, server.url, 'head');
    await page.goto(`${server.url}/moral-education/class?class=${child.classId}`);
    await showsLiterally(page, text.topic, 'moral-class');
    await page.goto(`${server.url}/moral-education/today`);
    await page.getByTestId('me-today-card').waitFor();
    await page.waitForTimeout(500);
    expect(await injected(page)).toEqual(CLEAN);
    await context.close();
  });

  it('the check itself sees the payloads when they are rendered as HTML (control: the test can fail)', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`${server.url}/login`);
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, `${IMG}${SVG}`);
    await page.waitForTimeout(300);
    const seen = await injected(page);
    expect(seen.img).toBe(1);
    expect(seen.svg).toBe(1);
    expect(seen.handlers).toBe(2);
    // The app's Content-Security-Policy (no inline script) is a second wall: even rendered, the handlers do not run.
    expect(seen.xss).toBeNull();
    await context.close();
  });
});
