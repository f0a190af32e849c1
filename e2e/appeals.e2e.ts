/**
 * 职工诉求 as people use it, in real Chromium against the built server with the demo data:
 * a worker raises an appeal from a phone on a flaky network, staff accept and assign it,
 * the department answers, the worker rates it and sees the whole closed loop; then five
 * workers raise the same wage problem in their own words and staff confirm the group alert.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, horizontalOverflow, strict, login, newPage, shot, useE2E } from './harness.js';
import { INDICATOR_DEFINITIONS, INDICATOR_KEYS } from '../common/appealIndicators.js';

const e2e = useE2E();

/** A real 1×1 PNG: the server checks the bytes, not the name. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const TITLE = '井口更衣柜数量不够用';
const DESCRIPTION = '综采一队交接班时更衣柜不够，二十多个人共用十个柜子，衣物经常放在地上，希望增加更衣柜。';
const ANSWER = '后勤部已采购 20 组更衣柜，下周三前安装到综采一队更衣室，安装后请班组长确认。';

/** The appeal the first tests walk through the whole loop. */
const shared = { id: '', code: '' };

const statusOf = (page: Page) => page.getByTestId('appeal-detail').getByTestId('appeal-status').first().textContent();

/** The side menu on desktops; on phones the drawer behind the top bar's menu button. */
async function openMenu(page: Page, key: string) {
  await page.locator('[data-testid="menu-toggle"], [data-testid="app-menu"]').first().waitFor();
  if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click();
  await page.getByTestId(`menu-${key}`).click();
}

/** Fills the "提诉求" form as a worker does on a phone. */
async function fillAppeal(page: Page, category: string, title: string, description: string) {
  await page.getByTestId('appeal-category').getByText(category, { exact: true }).click();
  await page.getByTestId('appeal-title').fill(title);
  await page.getByTestId('appeal-description').fill(description);
}

/** Waits for a dialog to finish closing, so screenshots show the page, not a fading dialog. */
async function modalClosed(page: Page) {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible, .ant-select-dropdown:visible').count()).toBe(0);
}

async function runAction(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  return modal;
}

describe('appeals in the browser', () => {
  it('a worker raises an appeal on a 375 px phone; the draft survives a reload and a lost answer is retried without a duplicate', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await openMenu(page, 'appeals-new');
    await page.getByTestId('appeal-title').waitFor();

    await fillAppeal(page, '福利', TITLE, DESCRIPTION);
    await page.locator('[data-testid="appeal-attachments"] input[type=file]').setInputFiles({ name: '更衣室.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('appeal-attachment-done').waitFor();
    // The anonymity switch says who will see the author, both ways.
    const explain = page.getByTestId('appeal-anonymous-explain');
    expect(await explain.textContent()).toContain('承办部门可以看到您的姓名');
    await page.getByTestId('appeal-anonymous').click();
    await expect.poll(() => explain.textContent()).toContain('只有工会工作人员');
    await page.getByTestId('appeal-anonymous').click();

    // A reload (a call came in, the browser dropped the tab) gives the draft back, attachment included.
    await page.reload();
    await page.getByTestId('appeal-draft-restored').waitFor();
    expect(await page.getByTestId('appeal-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('appeal-description').inputValue()).toBe(DESCRIPTION);
    expect(await page.getByTestId('appeal-attachment-done').textContent()).toContain('更衣室.png');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'appeals-submit-phone');

    // The mine's network drops the answer: the server got the appeal, the phone never heard back.
    let attempts = 0;
    await page.route('**/api/v1/appeals', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        return route.abort('failed');
      }
      return route.continue();
    });
    await page.getByTestId('appeal-submit').click();
    const failed = page.getByTestId('appeal-submit-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('网络不稳定');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'appeals-submit-retry');
    await page.getByTestId('appeal-submit-retry').click();
    await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
    expect(attempts).toBe(2);
    await page.unroute('**/api/v1/appeals');

    shared.id = page.url().split('/').pop()!;
    await page.getByTestId('appeal-detail-title').waitFor();
    expect(await page.getByTestId('appeal-detail-title').textContent()).toBe(TITLE);
    expect(await statusOf(page)).toBe('待受理');
    const facts = (await page.getByTestId('appeal-facts').textContent()) ?? '';
    shared.code = /SQ\d{8}-\d{4}/.exec(facts)![0];
    expect(await page.getByTestId('appeal-attachment-list').locator('img').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // One appeal, not two: "我的诉求" lists it once.
    await openMenu(page, 'appeals-mine');
    await page.getByTestId('appeal-card').first().waitFor();
    expect(await page.getByTestId('appeal-card').filter({ hasText: TITLE }).count()).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The draft is gone once sent.
    await openMenu(page, 'appeals-new');
    expect(await page.getByTestId('appeal-title').inputValue()).toBe('');
    await context.close();
  });

  it('union staff find it in the inbox with its timeliness light, accept it and assign it to 一号矿/生产部', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await openMenu(page, 'appeals-inbox');
    await page.getByTestId('appeals-filter-q').fill(shared.code);
    await page.getByTestId('appeals-filter-q').press('Enter');
    const row = page.getByTestId('appeals-table').locator('tr.ant-table-row', { hasText: shared.code });
    await row.waitFor();
    expect(await row.textContent()).toContain('待受理');
    expect(await row.getByTestId('appeal-light').count()).toBe(1);
    expect(await row.textContent()).toContain('赵俊峰');

    // The export carries the same filters.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('appeals-export').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

    await row.getByTestId('appeal-row-title').click();
    await page.getByTestId('appeal-actions').waitFor();
    // Only what the state allows: a new appeal can be accepted or declined, not answered or closed.
    const offered = await page.getByTestId('appeal-actions').locator('button').allTextContents();
    expect(offered.map((s) => s.replace(/\s/g, ''))).toEqual(expect.arrayContaining(['受理', '不予受理']));
    expect(offered.join()).not.toContain('结案');

    let modal = await runAction(page, 'accept');
    await modal.getByText('紧急', { exact: true }).click();
    await modal.getByTestId('action-ok').click();
    await expect.poll(() => statusOf(page)).toBe('已受理');
    expect(await page.getByTestId('appeal-deadline').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    modal = await runAction(page, 'assign');
    await modal.locator('.ant-select').click();
    await page.keyboard.type('生产部');
    await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: '生产部' }).first().click();
    expect(await modal.locator('.ant-select').first().textContent()).toContain('一号矿 / 生产部');
    await modal.getByTestId('action-ok').click();
    await expect.poll(() => statusOf(page)).toBe('已交办');
    expect(await page.getByTestId('appeal-facts').textContent()).toContain('一号矿 / 生产部');
    expect(await page.getByTestId('appeal-timeline').textContent()).toContain('交办至 一号矿 / 生产部');
    await modalClosed(page);
    await shot(page, 'appeals-staff-assigned');
    await context.close();
  });

  it('the handler of 一号矿/生产部 sees it among the assigned appeals and answers it', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'handler');
    await openMenu(page, 'appeals-assigned');
    await page.getByTestId('appeals-filter-q').fill(shared.code);
    await page.getByTestId('appeals-filter-q').press('Enter');
    const row = page.getByTestId('appeals-table').locator('tr.ant-table-row', { hasText: shared.code });
    await row.waitFor();
    await row.getByTestId('appeal-row-title').click();
    await page.getByTestId('appeal-actions').waitFor();
    const offered = (await page.getByTestId('appeal-actions').locator('button').allTextContents()).map((s) => s.replace(/\s/g, ''));
    expect(offered).toEqual(expect.arrayContaining(['答复', '记录进展', '申请延期']));
    // Staff-only powers are not offered to a department.
    expect(offered).not.toContain('交办');
    expect(offered).not.toContain('结案');

    const modal = await runAction(page, 'answer');
    await modal.getByTestId('answer-text').fill(ANSWER);
    await modal.getByTestId('action-ok').click();
    await expect.poll(() => statusOf(page)).toBe('已答复');
    expect(await page.getByTestId('appeal-answer').textContent()).toContain(ANSWER);
    await modalClosed(page);
    await shot(page, 'appeals-handler-answered');
    await context.close();
  });

  it('the worker reads the answer on the phone, rates it and sees the closed timeline with every date', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await openMenu(page, 'appeals-mine');
    const card = page.getByTestId('appeal-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.textContent()).toContain('待您评价');
    await card.click();
    await page.getByTestId('appeal-rate').waitFor();
    expect(await page.getByTestId('appeal-answer').textContent()).toContain(ANSWER);
    await page.getByTestId('rate-options').getByText('满意', { exact: true }).click();
    await page.getByTestId('rate-comment').fill('安装很快，谢谢工会。');
    await page.getByTestId('rate-submit').click();
    await expect.poll(() => statusOf(page)).toBe('已结案');
    expect(await page.getByTestId('appeal-rating').textContent()).toContain('满意');
    expect(await page.getByTestId('appeal-rate').count()).toBe(0);

    const steps = page.getByTestId('appeal-timeline').getByTestId('timeline-item');
    const labels = await steps.getByTestId('timeline-label').allTextContents();
    expect(labels).toEqual(['提交诉求', '受理', '交办', '答复', '评价', '结案']);
    for (const at of await steps.getByTestId('timeline-at').allTextContents()) expect(at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // The worker sees who acted only as a role, never a staff member's name.
    expect(await page.getByTestId('appeal-timeline').textContent()).toContain('承办部门');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'appeals-worker-closed-phone');
    await context.close();
  });

  it('five workers of 一号矿 raise the same wage problem in their own words; staff see one group alert and confirm it', { timeout: 240_000 }, async () => {
    // The demo has accounts for two workers only; the admin opens accounts for five more, as the union would.
    const admin = strict(await apiAs(e2e.server.url, 'admin'));
    const mine = (await admin<{ items: { id: string; name: string; kind: string }[] }>('GET', '/orgs')).items.find(
      (o) => o.name === '一号矿' && o.kind === 'mine',
    )!;
    const linked = new Set((await admin<{ items: { personId: string | null }[] }>('GET', '/accounts?pageSize=200')).items.map((a) => a.personId));
    const people = (await admin<{ items: { id: string; name: string }[] }>('GET', `/people?orgId=${mine.id}&kind=worker&pageSize=50`)).items
      .filter((p) => !linked.has(p.id))
      .slice(0, 5);
    expect(people).toHaveLength(5);
    const password = 'Gaowen2026';
    for (const [i, p] of people.entries()) {
      await admin('POST', '/accounts', {
        username: `e2e.worker${i + 1}`,
        displayName: p.name,
        password,
        personId: p.id,
        grants: [{ role: 'worker', orgId: mine.id }],
      });
    }

    const PARAPHRASES = [
      ['高温补贴没有发放', '今年七八月份井口地面岗位的高温补贴一直没有发放，问了队里也说不清楚。'],
      ['防暑降温费至今未发', '夏天已经过去了，我们班组的防暑降温费到现在还没有发。'],
      ['高温津贴被拖欠', '今年夏天的高温津贴拖欠了几个月，希望工会帮忙催一下。'],
      ['请补发高温费', '地面装车岗位夏季的高温费一直没给，请督促矿上补发。'],
      ['夏天的高温补助还没到账', '七月到九月的高温补助至今没有到账，工友们意见很大。'],
    ] as const;
    for (const [i, [title, description]] of PARAPHRASES.entries()) {
      const { context, page } = await newPage(e2e.browser, PHONE);
      await login(page, e2e.server.url, `e2e.worker${i + 1}`, password);
      await page.goto(`${e2e.server.url}/appeals/new`);
      await fillAppeal(page, '工资', title, description);
      await page.getByTestId('appeal-submit').click();
      await page.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
      await page.getByTestId('appeal-detail-title').waitFor();
      expect(await statusOf(page)).toBe('待受理');
      await context.close();
    }

    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await openMenu(page, 'appeals-alerts');
    const row = page.getByTestId('alerts-table').locator('tr.ant-table-row', { hasText: '高温补贴' });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('一号矿');
    expect(rowText).toContain('5 名职工');
    expect(rowText).toContain('待研判');
    await row.getByTestId('alert-link').click();

    await page.getByTestId('alert-detail').waitFor();
    expect(await page.getByTestId('alert-summary').textContent()).toContain('5 名职工');
    const members = page.getByTestId('alert-member');
    expect(await members.count()).toBe(5);
    const memberText = (await page.getByTestId('alert-members').textContent()) ?? '';
    for (const [title] of PARAPHRASES) expect(memberText).toContain(title);
    await shot(page, 'appeals-group-alert');

    await page.getByTestId('alert-confirm').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await modal.locator('textarea').fill('同一问题，合并办理，请后勤部统一核实发放。');
    await modal.getByTestId('action-ok').click();
    await expect.poll(() => page.getByTestId('alert-detail').getByTestId('alert-status').textContent()).toBe('已确认（合并办理）');
    // Confirming accepts every member at once.
    for (const status of await members.getByTestId('appeal-status').allTextContents()) expect(status).toBe('已受理');
    expect(await page.getByTestId('alert-decision').textContent()).toContain('合并办理');
    expect(await page.getByTestId('alert-actions').textContent()).toContain('统一答复');
    await modalClosed(page);
    await shot(page, 'appeals-group-alert-confirmed');
    await context.close();
  });

  it('the dashboard drills down: a figure opens the list of exactly the appeals it counts', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');
    await openMenu(page, 'appeals-dashboard');
    const total = page.getByTestId('kpi-total');
    await total.waitFor();
    await page.getByTestId('appeals-chart-trend').waitFor();
    const counted = Number((await total.locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));
    expect(counted).toBeGreaterThan(0);
    const satisfaction = (await page.getByTestId('kpi-satisfactionRate').textContent()) ?? '';
    expect(satisfaction).toMatch(/\d+(\.\d)?%/);
    // Each figure says what it counts under it (the whole line on hover or tap): the API schema's text.
    for (const k of INDICATOR_KEYS) expect(await page.getByTestId(`kpi-${k}-definition`).textContent(), k).toBe(INDICATOR_DEFINITIONS[k].zh);
    await shot(page, 'appeals-dashboard');

    await total.click();
    await page.waitForURL(/\/appeals\?/);
    await expect.poll(async () => (await page.getByTestId('appeals-total').textContent()) ?? '').toBe(`共 ${counted} 条`);

    // The satisfaction rate's numerator lists the satisfied appeals only.
    await page.goBack();
    await page.getByTestId('kpi-satisfactionRate').click();
    await page.waitForURL(/rating=/);
    await page.getByTestId('appeals-table').locator('tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('appeals-filter-chips').textContent()).toContain('评价：满意、基本满意');
    for (const r of await page.getByTestId('appeals-table').locator('tr.ant-table-row').allTextContents()) expect(r).toMatch(/满意/);
    await context.close();
  });
});
