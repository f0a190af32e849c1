/**
 * The core platform as a person uses it, in real Chromium against the built server with
 * the demo organisation: sign in, find people, import a roster with a bad row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PHONE, apiAs, dialogAtRest, horizontalOverflow, login, newPage, pickOption, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();

async function rosterWithOneBadRow(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '工号', '人员类别', '用工身份', '岗位', '工会会员', '手机号', '身份证号', '性别', '所属组织']);
  ws.addRow(['韩立新', 'E2E001', '职工', '合同制', '采煤工', '是', '13800138001', '', '男', '']);
  ws.addRow(['马晓燕', 'E2E002', '职工', '劳务派遣', '电工', '否', '1380013', '', '女', '']); // phone too short
  ws.addRow(['赵德胜', 'E2E003', '职工', '全民固定工', '安全员', '是', '13800138003', '', '男', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xq-roster-')), '花名册.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('core platform in the browser', () => {
  it('signs in, lists and filters people', async () => {
    const { context, page } = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/login`);
    await page.getByTestId('login-username').fill('mediator');
    await page.getByTestId('login-password').fill('wrong-pass1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    // The mediator reads the roster but not contact details.
    await login(page, e2e.server.url, 'mediator');
    await page.getByTestId('menu-people').click();
    const table = page.getByTestId('people-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const totalText = async () => (await page.locator('.ant-pagination-total-text').textContent()) ?? '';
    const before = await totalText();
    expect(before).toMatch(/\d/);

    // Filter by employment category: every row shown carries that category.
    await pickOption(page, page.getByTestId('people-filter-category'), '劳务派遣');
    await expect.poll(totalText).not.toBe(before);
    const categories = await table.locator('tbody tr.ant-table-row').allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    for (const row of categories) expect(row).toContain('劳务派遣');
    // Phones are masked for everyone's eyes in the list.
    expect(categories.join('')).toMatch(/1\d{2}\*{4}\d{4}/);
    await shot(page, 'people-filtered');
    await context.close();
  });

  it('imports a roster with one bad row and shows the error table, writing nothing', async () => {
    const { context, page } = await newPage(e2e.browser);
    await login(page, e2e.server.url, 'staff');
    await page.getByTestId('menu-imports').click();
    const file = await rosterWithOneBadRow();
    // Target org: the first node of the org picker (the group the staff member serves).
    await page.getByTestId('import-upload').waitFor();
    await page.locator('.ant-tree-select').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').first().click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-upload').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('3'); // Excel row 3 holds the bad phone
    expect(text).toContain('手机号');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await shot(page, 'import-errors');

    // Nothing was written: searching for the good rows finds nobody.
    await page.goto(`${e2e.server.url}/people?q=E2E001`);
    await page.getByTestId('people-table').waitFor();
    await expect.poll(async () => (await page.getByTestId('people-table').textContent()) ?? '').not.toContain('韩立新');
    await context.close();
  });

  // Every signed-in user also gets their unread notices and their roles.
  const common = ['notifications-unread', 'roles'];
  async function expectHomes(homes: Record<string, string[]>) {
    for (const [username, own] of Object.entries(homes)) {
      const { context, page } = await newPage(e2e.browser);
      await login(page, e2e.server.url, username);
      const cards = page.locator('[data-testid^="home-card-"]');
      await cards.first().waitFor();
      // Cards come with their modules' code and messages, not all in one paint: wait for the whole set.
      const shown = async () => (await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('home-card-'.length)))).sort();
      await expect.poll(shown, { message: username }).toEqual([...own, ...common].sort());
      // A count card shows figures, not a spinner, and a figure opens the list it counts.
      if (username === 'staff') {
        await expect.poll(() => page.getByTestId('count-appeals-waiting').getAttribute('data-count')).toMatch(/^\d+$/);
        await page.getByTestId('count-appeals-red').click();
        await page.waitForURL((u) => u.pathname === '/appeals' && u.searchParams.get('light') === 'red');
      }
      await shot(page, `home-${username}`);
      await context.close();
    }
  }

  it('lets the admin choose what a group robot receives, from the events the modules declare, grouped by module', async () => {
    const admin = strict(await apiAs(e2e.server.url, 'admin'));
    const [top] = (await admin<{ items: { id: string; parentId: string | null }[] }>('GET', '/orgs')).items.filter((o) => o.parentId === null);
    // The robot's org is picked from a tree; this step is about the events, so the robot is made here.
    const hook = await admin<{ id: string }>('POST', '/webhooks', {
      orgId: top.id,
      flavor: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-robot',
      events: ['appeal.overdue'],
    });
    const { context, page } = await newPage(e2e.browser);
    await login(page, e2e.server.url, 'admin');
    await page.getByTestId('menu-webhooks').click();
    const row = page.locator('tr.ant-table-row', { hasText: 'key=e2e-' });
    await row.getByText('诉求超期').waitFor();
    await row.getByRole('button', { name: /修\s*改/ }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialogAtRest(page);
    // Each module's events under its own heading.
    for (const [group, event] of [
      ['职工诉求', '群体诉求预警'],
      ['职代会', '职代会提案已交办'],
      ['集体合同', '协商、报送或续订期限将到'],
    ]) {
      await dialog
        .locator('fieldset', { has: page.locator('legend', { hasText: group }) })
        .getByText(event)
        .waitFor();
    }
    await dialog.getByRole('checkbox', { name: '职代会提案已交办' }).check();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('职代会提案已交办').waitFor();
    await expect
      .poll(async () => (await admin<{ events: string[] }>('GET', `/webhooks/${hook.id}`)).events)
      .toEqual(['appeal.overdue', 'congress.proposalAssigned']);
    await shot(page, 'webhooks-events');
    await context.close();
  });

  it("shows the union side's homes: each role its own cards and no other role's", async () => {
    await expectHomes({
      admin: ['accounts-health', 'calendar-warning'],
      staff: ['appeals-staff', 'people-chart', 'policies-queue', 'congress-office', 'honours-review', 'suggestions-desk', 'hardship-desk'],
      handler: ['appeals-assigned', 'meetings-mine', 'congress-assigned', 'honours-mine', 'honours-ranking', 'notices-unread'],
      worker: [
        'appeals-submit',
        'appeals-mine',
        'policies-ask',
        'mediation-mine',
        'meetings-public',
        'surveys-mine',
        'suggestions-mine',
        'honours-ranking',
        'hardship-mine',
        'notices-unread',
      ],
      mediator: ['mediation-desk', 'notices-unread'],
    });
  });

  it("shows the school side's homes: each role its own cards and no other role's", async () => {
    await expectHomes({
      parent: ['heartBridge-family'],
      student: ['heartBridge-mine', 'moralEducation-myClass'],
      head: ['moralEducation-today', 'heartBridge-class', 'teacher-growth-mine', 'lessons-today'],
      principal: ['heartBridge-school', 'moralEducation-school', 'teacher-growth-office', 'lessons-week'],
    });
  });

  it('works on a 375 px phone: menu drawer, people cards, no sideways scroll', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'staff');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-people').click();
    await page.getByTestId('people-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'people-phone');
    await context.close();
  });
});
