/**
 * The school practices as teachers, a guardian and the school office use them, in real
 * Chromium against the built server with the demo school: the head teacher writes this
 * week's 心桥 page for a child, the guardian reads it and answers on a phone, the class's
 * two-way coverage rises by one, the student reads both sides, and the head teacher records
 * the ten-minute session.
 */
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, PHONE, horizontalOverflow, launch, login, newPage, shot, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;

/** The demo guardian's child, read through the API as setup (the test asserts through the UI). */
let child: { id: string; name: string; classId: string; className: string };
const stamp = `编号 ${Date.now() % 100000}`;
const SCHOOL_TEXT = `本周课堂上主动举手发言，数学错题都已订正（${stamp}）。`;
const HOME_TEXT = `在家每天按时完成作业，周末帮忙做饭（${stamp}）。`;
let coverageBefore = { numerator: 0, denominator: 0 };

async function apiAs(username: string, path: string): Promise<any> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: 'demo1234' }),
  });
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${server.url}/api/v1${path}`, { headers: { cookie } });
  return r.json();
}

async function openMenu(page: Page, key: string) {
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId(`menu-${key}`).click();
}

const coverageOf = async (page: Page) => {
  const text = (await page.getByTestId('hb-dash-coverage-value').textContent()) ?? '';
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return m ? { numerator: Number(m[1]), denominator: Number(m[2]) } : null;
};

/** A real 8×8 PNG, so the server's magic-byte check accepts it as a photo. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [140, 191, 111]).flat()])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const me = await apiAs('parent', '/school/me');
  child = me.children[0];
  if (!child) throw new Error('the demo parent has no child');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('school practices in the browser', () => {
  it('the head teacher writes the school side of this week for the guardian’s child, on a phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await login(page, server.url, 'head');
    await openMenu(page, 'heartBridge-class');
    await page.getByTestId('hb-student-row').first().waitFor();
    // The week the class is in now, as the server counts teaching weeks.
    const weekLabel = (await page.getByTestId('hb-week-select').textContent()) ?? '';
    expect(weekLabel).toMatch(/第 \d+ 周/);
    console.info(`[school.e2e] current teaching week: ${weekLabel}`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-class-week-phone');

    // Coverage before the exchange, as the head teacher sees it on the class dashboard.
    await page.getByTestId('hb-open-dashboard').click();
    await page.getByTestId('hb-dash-coverage-value').waitFor();
    await expect.poll(() => coverageOf(page)).not.toBeNull();
    coverageBefore = (await coverageOf(page))!;
    expect(coverageBefore.denominator).toBeGreaterThan(0);
    await page.goBack();

    // The demo leaves the child's home side of the current school week empty, whatever the weekday.
    const row = page.getByTestId('hb-student-row').filter({ hasText: child.name });
    expect(await row.textContent()).not.toContain('家长已写');
    await row.click();
    await expect.poll(() => page.getByTestId('hb-editor-student').textContent()).toContain(child.name);
    // The demo may already hold a school side for this week: the teacher then edits it.
    await Promise.race([page.getByTestId('hb-school-form').waitFor(), page.getByTestId('hb-school-edit').waitFor()]);
    if (await page.getByTestId('hb-school-edit').isVisible()) await page.getByTestId('hb-school-edit').click();
    await page.getByTestId('hb-school-form-main').fill(SCHOOL_TEXT);
    await page.getByTestId('hb-school-form-suggestion').fill('请每天陪孩子读英语十五分钟。');
    await page.getByTestId('hb-school-form-encouragement').fill('');
    const phrase = (await page.getByTestId('hb-phrase').first().textContent()) ?? '';
    await page.getByTestId('hb-phrase').first().click();
    expect(await page.getByTestId('hb-school-form-encouragement').inputValue()).toBe(phrase);
    await page.getByTestId('hb-school-form-submit').click();

    const side = page.getByTestId('hb-school-side');
    await expect.poll(() => side.textContent()).toContain(SCHOOL_TEXT);
    expect(await side.textContent()).toContain(phrase);
    // New words are unread words: the guardian has not read this version yet.
    expect(await page.getByTestId('hb-school-side-read').textContent()).toContain('家长还未阅读');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-teacher-wrote-phone');
    await context.close();
  });

  it('the guardian reads the teacher’s words and writes the home side on a 375 px phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    // From the sign-in page on, nothing may reach the console as an error (a 401 for /auth/me included).
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await login(page, server.url, 'parent');
    // A family's menu holds its own tools, not the union's working-day calendar.
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-heartBridge-family').waitFor();
    expect(await page.getByTestId('menu-calendar').count()).toBe(0);
    await page.getByTestId('menu-heartBridge-family').click();
    await expect.poll(() => page.getByTestId('hb-child-name').textContent()).toContain(child.name);
    expect(await page.getByTestId('hb-week-label').textContent()).toContain('本周');

    const school = page.getByTestId('hb-school-side');
    await expect.poll(() => school.textContent()).toContain(SCHOOL_TEXT);
    // Opening the page is reading it: the receipt shows with its time.
    await expect.poll(() => page.getByTestId('hb-school-side-read').textContent()).toMatch(/家长已读 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-guardian-reads-phone');

    // The home side of this week is still empty: the form is open, not an earlier answer to edit.
    await page.getByTestId('hb-home-form').waitFor();
    // Sent empty, the form names the missing field and throws nothing.
    await page.getByTestId('hb-home-form-submit').click();
    await page.getByTestId('hb-home-form').getByRole('alert').first().waitFor();
    await page.getByTestId('hb-home-form-main').fill(HOME_TEXT);
    await page.getByTestId('hb-home-form-suggestion').fill('谢谢老师，我们会配合。');
    await page.getByTestId('hb-home-form-encouragement').fill('');
    const phrase = (await page.getByTestId('hb-home-form').getByTestId('hb-phrase').first().textContent()) ?? '';
    await page.getByTestId('hb-home-form').getByTestId('hb-phrase').first().click();
    await page.getByTestId('hb-home-form-submit').click();

    const home = page.getByTestId('hb-home-side');
    await expect.poll(() => home.textContent()).toContain(HOME_TEXT);
    expect(await home.textContent()).toContain(phrase);
    expect(await page.getByTestId('hb-home-side-read').textContent()).toContain('老师还未阅读');
    // The history shows this week's exchange too.
    await expect.poll(() => page.getByTestId('hb-timeline-item').first().textContent()).toContain(HOME_TEXT.slice(0, 12));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-guardian-wrote-phone');

    // The account page offers a family the password, not API tokens, and fits the phone.
    await page.goto(`${server.url}/account`);
    await page.getByTestId('password-form').waitFor();
    expect(await page.getByTestId('token-name').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the head teacher sees the class coverage rise by one and the guardian’s words', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await login(page, server.url, 'head');
    await openMenu(page, 'heartBridge-class');
    await page.getByTestId('hb-open-dashboard').click();
    await page.getByTestId('hb-dash-coverage-value').waitFor();
    await expect.poll(() => coverageOf(page)).toEqual({ numerator: coverageBefore.numerator + 1, denominator: coverageBefore.denominator });
    await page.getByTestId('hb-dash-trend').locator('canvas').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-class-dashboard-phone');

    // The printable class week opens in a new tab with both sides of every page.
    const [printed] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('hb-dash-print').click()]);
    await printed.waitForLoadState();
    const printedText = (await printed.locator('body').textContent()) ?? '';
    expect(printedText).toContain(child.name);
    expect(printedText).toContain(SCHOOL_TEXT);
    expect(printedText).toContain(HOME_TEXT);
    // The whole class runs to dozens of phone screens: keep the first one.
    await printed.screenshot({ path: path.join(ARTIFACTS, 'school-hb-print-phone.png') });
    await printed.close();

    await page.getByTestId('hb-dash-weekview').click();
    const row = page.getByTestId('hb-student-row').filter({ hasText: child.name });
    await expect.poll(() => row.textContent()).toContain('家长已写');
    await row.click();
    await expect.poll(() => page.getByTestId('hb-home-side').textContent()).toContain(HOME_TEXT);
    // The teacher's side shows when the guardian read it; the guardian's side now shows the teacher read it.
    expect(await page.getByTestId('hb-school-side-read').textContent()).toContain('家长已读');
    await expect.poll(() => page.getByTestId('hb-home-side-read').textContent()).toContain('老师已读');
    await shot(page, 'school-hb-teacher-sees-reply-phone');
    await context.close();
  });

  it('the student reads this week’s words from the teacher and the family on a phone, and can write nothing', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await login(page, server.url, 'student');
    await openMenu(page, 'heartBridge-mine');
    await expect.poll(() => page.getByTestId('hb-mine-name').textContent()).toContain(child.name);
    expect(await page.getByTestId('hb-week-label').textContent()).toContain('最近一周');
    await expect.poll(() => page.getByTestId('hb-school-side').textContent()).toContain(SCHOOL_TEXT);
    await expect.poll(() => page.getByTestId('hb-home-side').textContent()).toContain(HOME_TEXT);
    await expect.poll(() => page.getByTestId('hb-timeline-item').first().textContent()).toContain(HOME_TEXT.slice(0, 12));
    // Read-only: no form, and no button to write, submit or edit.
    expect(await page.locator('textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: /修改|提交|保存/ }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-hb-student-reads-phone');
    await context.close();
  });

  it('the head teacher records the ten-minute session on a phone in one tap', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await login(page, server.url, 'head');
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/moral-education/classes/')) keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await openMenu(page, 'moral-today');
    await page.getByTestId('me-today-card').waitFor();
    await page.getByTestId('me-day-chip').first().waitFor();

    // Today when it is a school day, else the latest one; a day the demo already recorded is skipped for an open one.
    const chips = page.getByTestId('me-day-chip');
    const n = await chips.count();
    let open = -1;
    // Chips run newest first; the first is the day the card opens on.
    for (let i = 0; i < n && open < 0; i++) if ((await chips.nth(i).getAttribute('data-recorded')) === 'no') open = i;
    const date = await chips.nth(Math.max(open, 0)).getAttribute('data-date');
    console.info(`[school.e2e] ten-minute session day: ${date} (${open >= 0 ? 'new record' : 'every recent day was recorded by the demo: editing'})`);
    if (open >= 0) await chips.nth(open).click();
    expect(await page.getByTestId('me-today-date').textContent()).toMatch(/今天|\d{2}-\d{2}/);
    const planned = ((await page.getByTestId('me-topic-text').textContent()) ?? '').trim();
    expect(planned.length).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    if (open >= 0) {
      // The topic actually given defaults to the planned one.
      expect(await page.getByTestId('me-topic-input').inputValue()).toBe(planned);
      // The roster (who has presented this term) loads with the form.
      await page.waitForLoadState('networkidle');
      await page.getByTestId('me-presenters').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      const names = [((await options.nth(0).textContent()) ?? '').trim(), ((await options.nth(1).textContent()) ?? '').trim()];
      await options.nth(0).click();
      await options.nth(1).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('me-reflection').fill('同学们结合自己的经历发言，气氛很好。');
      await page.getByTestId('me-photo-input').setInputFiles({ name: 'class.png', mimeType: 'image/png', buffer: tinyPng() });
      await page.getByTestId('me-photo-preview').waitFor();
      await shot(page, 'school-me-today-form-phone');
      await page.getByTestId('me-submit').click();

      const session = page.getByTestId('me-session');
      await session.waitFor();
      expect(await page.getByTestId('me-session-status').textContent()).toContain('已开展');
      expect(await page.getByTestId('me-session-topic').textContent()).toBe(planned);
      const presenters = (await page.getByTestId('me-session-presenters').textContent()) ?? '';
      for (const name of names) expect(presenters).toContain(name.replace(/（.*）$/, ''));
      // The photo is served back to the teacher.
      await expect.poll(() => page.getByTestId('me-session-photo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
      expect(await page.locator(`[data-testid="me-day-chip"][data-date="${date}"]`).getAttribute('data-recorded')).toBe('yes');
      // One tap, one request, carrying an Idempotency-Key.
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    } else {
      // The demo records about one day in twelve as not held: edit what it left — the
      // reflection of a held session, the reason of a skipped one.
      const held = ((await page.getByTestId('me-session-status').textContent()) ?? '').includes('已开展');
      const text = held ? `补充反思（${stamp}）` : `补充说明（${stamp}）`;
      await page.getByTestId('me-edit').click();
      await page.getByTestId(held ? 'me-reflection' : 'me-skip-reason').fill(text);
      await page.getByTestId('me-submit').click();
      await expect.poll(() => page.getByTestId('me-session').textContent()).toContain(text);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'school-me-today-recorded-phone');
    await context.close();
  });

  it('the principal sees school-wide coverage of both practices and drills into a class', async () => {
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'principal');
    await page.getByTestId('menu-heartBridge-school').click();
    await page.getByTestId('hb-school-classes').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('hb-school-classes').locator('tbody tr.ant-table-row').count()).toBe(18);
    await page.getByTestId('hb-grade-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('hb-school-coverage-value').textContent()).toMatch(/\d+ \/ \d+/);
    await shot(page, 'school-hb-school-dashboard');
    await page.getByTestId('hb-school-class-link').filter({ hasText: child.className }).first().click();
    await expect.poll(() => page.getByTestId('hb-dash-title').textContent()).toContain(child.className);
    await expect.poll(() => coverageOf(page)).toEqual({ numerator: coverageBefore.numerator + 1, denominator: coverageBefore.denominator });

    await page.getByTestId('menu-moral-overview').click();
    await page.getByTestId('me-classes').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('me-classes').locator('tbody tr.ant-table-row').count()).toBe(18);
    await page.getByTestId('me-grade-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('me-school-coverage-value').textContent()).toMatch(/\d+%/);
    await page.getByTestId('me-missed').locator('tbody tr.ant-table-row').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('me-export-missed').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'school-me-overview');

    await page.getByTestId('me-class-link').filter({ hasText: child.className }).first().click();
    await page.getByTestId('me-presented').waitFor();
    expect(await page.getByTestId('me-class-presenters-value').textContent()).toMatch(/\d+%/);
    await shot(page, 'school-me-class');
    await context.close();
  });

  it('the academic office plans topics and keeps the school calendar', async () => {
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'academic');
    await page.getByTestId('menu-moral-plan').click();
    // The last day shown lies ahead: planning changes the future, not the record of the past.
    const topic = page.getByTestId('me-plan-topic').last();
    await topic.waitFor();
    const day = await topic.getAttribute('data-date');
    await topic.fill(`E2E 话题 ${stamp}`);
    await page.getByTestId('me-plan-save').click();
    await page.reload();
    await expect.poll(() => page.locator(`[data-testid="me-plan-topic"][data-date="${day}"]`).inputValue()).toBe(`E2E 话题 ${stamp}`);
    await shot(page, 'school-me-plan');

    await page.getByTestId('menu-school-calendar').click();
    await page.getByTestId('term-row').first().waitFor();
    expect(await page.getByTestId('terms-card').textContent()).toContain('当前学期');
    // A closure for the day just planned: that day stops being a school day.
    await page.getByTestId('closure-add').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('.ant-picker input').fill(day!);
    await modal.locator('.ant-picker input').press('Enter');
    await modal.getByPlaceholder('如：运动会、期中考试、极端天气').fill('秋季运动会');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('closures-card').textContent()).toContain(`${day} · 实验中学`);
    expect(await page.getByTestId('closures-card').textContent()).toContain('秋季运动会');
    await shot(page, 'school-calendar');
    // The topic calendar now shows that day as a day without school.
    await page.getByTestId('menu-moral-plan').click();
    await page.getByTestId('me-plan-week').first().waitFor();
    await expect.poll(() => page.locator(`[data-testid="me-plan-topic"][data-date="${day}"]`).count()).toBe(0);
    await context.close();
  });
});
