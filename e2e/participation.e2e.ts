/**
 * 职工参与 as people use it, in real Chromium against the built server with the demo data (one
 * server for the three flows): a worker puts a suggestion forward on a 375 px phone with a photo, two experts
 * score it without seeing each other's scores until both are in, and the union adopts it; a
 * notice reaches the worker, whose opening it shows on the publisher's read count; the union
 * opens the nomination the automatic check barred and sees the evidence behind it; the union edits a
 * campaign's evaluation criteria.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, dialogAtRest, horizontalOverflow, login, newPage, pickOption, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
const SUGGESTION = '井口候车室加装暖风幕';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const NOTICE = '一号矿十二月份职工福利费使用情况公示';
let suggestionId = '';
let notice: { id: string; recipients: number };

describe('worker participation in the browser', () => {
  it('a suggestion from the phone is scored by two experts, each blind to the other until both are in', async () => {
    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'worker');
    await phone.page.goto(`${e2e.server.url}/suggestions/new`);
    await phone.page.getByTestId('suggestion-title').fill(SUGGESTION);
    await phone.page.getByTestId('suggestion-problem').fill('冬季井口候车室门常开，升井职工候车时受冻。');
    await phone.page.getByTestId('suggestion-proposal').fill('在候车室入口加装一台电热风幕，并加装自动闭门器。');
    await phone.page.getByTestId('suggestion-benefit').fill('减少职工感冒请假，每年节约取暖用电约两万元。');
    await phone.page.locator('input[type=file]').setInputFiles({ name: '候车室门口.png', mimeType: 'image/png', buffer: PNG });
    await phone.page.locator('.ant-upload-list').getByText('候车室门口.png').waitFor();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await expect.poll(() => phone.page.getByTestId('suggestion-submit').isEnabled()).toBe(true);
    await phone.page.getByTestId('suggestion-submit').click();
    await phone.page.waitForURL(/\/suggestions\/[0-9a-f-]{36}$/);
    expect(await phone.page.getByTestId('suggestion-status').textContent()).toBe('待初审');
    // The photo went with the suggestion and opens from it.
    const photo = phone.page.getByTestId('suggestion-files').getByRole('link', { name: '候车室门口.png' });
    const served = await phone.page.request.get(`${e2e.server.url}${await photo.getAttribute('href')}`);
    expect([served.status(), served.headers()['content-type']]).toEqual([200, 'image/png']);
    const id = (suggestionId = phone.page.url().split('/').pop()!);
    await phone.context.close();

    // The desk's first review and the choice of experts are set up through the API; the scoring is what this flow shows.
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const chair = strict(await apiAs(e2e.server.url, 'chair'));
    const rep = strict(await apiAs(e2e.server.url, 'rep'));
    await staff('POST', `/suggestions/${id}/accept`, {});
    const ids = await Promise.all([rep, chair].map(async (c) => (await c<{ account: { id: string } }>('GET', '/auth/me')).account.id));
    await staff('POST', `/suggestions/${id}/evaluators`, { evaluatorAccountIds: ids });

    const expert = await newPage(e2e.browser, DESKTOP);
    await login(expert.page, e2e.server.url, 'rep');
    await expert.page.goto(`${e2e.server.url}/suggestions/${id}`);
    await expert.page.getByTestId('suggestion-scores').click();
    for (const [key, score] of [
      ['innovation', '22'],
      ['feasibility', '27'],
      ['benefit', '31'],
    ])
      await expert.page.getByTestId(`suggestion-score-${key}`).fill(score);
    await expert.page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /^提\s*交$/ })
      .click();
    const panel = expert.page.getByTestId('suggestion-evaluations');
    // The expert sees their own total, and of the other expert only that the score is not in yet.
    await expect.poll(() => panel.textContent()).toContain('80');
    expect(await panel.textContent()).toContain('每位专家只看得到自己的评分');
    expect(await panel.textContent()).toContain('未评分');

    await chair('POST', `/suggestions/${id}/scores`, { scores: { innovation: 20, feasibility: 25, benefit: 29 } });
    await expert.page.reload();
    await expect.poll(() => panel.textContent()).toContain('平均分 77');
    expect(await panel.textContent()).toContain('74');
    await shot(expert.page, 'participation-suggestion-scored');
    await expert.context.close();
  });

  it('the union adopts the scored suggestion, and its author sees the decision on the phone', async () => {
    const id = suggestionId;

    const desk = await newPage(e2e.browser, DESKTOP);
    await login(desk.page, e2e.server.url, 'staff');
    await desk.page.goto(`${e2e.server.url}/suggestions/${id}`);
    await desk.page.getByRole('button', { name: '作出决定' }).click();
    await pickOption(desk.page, desk.page.getByTestId('suggestion-decision-pick'), '采纳');
    await desk.page.getByTestId('suggestion-decision-note').fill('投入小、见效快，列入本年度实施计划');
    await desk.page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /^提\s*交$/ })
      .click();
    await expect.poll(() => desk.page.getByTestId('suggestion-status').textContent()).toBe('采纳');
    await desk.context.close();

    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'worker');
    await phone.page.goto(`${e2e.server.url}/suggestions/${id}`);
    await expect.poll(() => phone.page.getByTestId('suggestion-status').textContent()).toBe('采纳');
    expect(await phone.page.getByTestId('suggestion-decision').textContent()).toContain('列入本年度实施计划');
    await shot(phone.page, 'participation-suggestion-adopted-phone');
    await phone.context.close();
  });

  it('a notice reaches the worker’s home page on the phone, unread until opened', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const mine = (await staff<{ items: { id: string; name: string; kind: string }[] }>('GET', '/orgs')).items.find(
      (o) => o.name === '一号矿' && o.kind === 'mine',
    )!;
    notice = await staff<{ id: string; recipients: number }>('POST', '/notices', {
      orgId: mine.id,
      title: NOTICE,
      body: '十二月份职工福利费支出共计十二万元，明细如下：困难职工补助五万元，职工体检七万元。',
      kind: 'adHoc',
    });

    const desk = await newPage(e2e.browser, DESKTOP);
    await login(desk.page, e2e.server.url, 'staff');
    await desk.page.goto(`${e2e.server.url}/notices/${notice.id}`);
    const rates = desk.page.getByTestId('notice-rates');
    await expect.poll(() => rates.textContent()).toContain(`已读 0 / 公开对象 ${notice.recipients} 人`);

    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'worker');
    // The home page's unread card lists it; opening it stamps the receipt and takes it off the card.
    const unread = phone.page.getByTestId('notices-unread');
    await unread.getByRole('link', { name: NOTICE }).click();
    await expect.poll(() => phone.page.getByTestId('notice-text').textContent()).toContain('职工体检七万元');
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await phone.page.goto(`${e2e.server.url}/notices`);
    const row = phone.page.getByTestId('notice-row').filter({ hasText: NOTICE });
    await expect.poll(() => row.textContent()).not.toContain('未读');
    await phone.page.goto(`${e2e.server.url}/`);
    await unread.locator('.ant-list').waitFor();
    await expect.poll(() => unread.getByRole('link', { name: NOTICE }).count()).toBe(0);
    await phone.context.close();
    await desk.context.close();
  });

  it('the worker’s opening shows on the publisher’s read count', async () => {
    const desk = await newPage(e2e.browser, DESKTOP);
    await login(desk.page, e2e.server.url, 'staff');
    await desk.page.goto(`${e2e.server.url}/notices/${notice.id}`);
    const rates = desk.page.getByTestId('notice-rates');
    await expect.poll(() => rates.textContent()).toContain(`已读 1 / 公开对象 ${notice.recipients} 人`);
    await shot(desk.page, 'participation-notice-read');
    await desk.context.close();
  });

  it('the union sees the evidence behind the nomination the automatic check barred', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/honours?status=disqualified`);
    await page.locator('a[href^="/honours/nominations/"]').first().click();
    await page.waitForURL(/\/honours\/nominations\/[0-9a-f-]{36}$/);
    const findings = page.getByTestId('findings');
    await findings.waitFor();
    expect(await page.locator('.ant-tag', { hasText: '一票否决' }).count()).toBeGreaterThan(0);
    // Each finding names its disqualifier and lists the dated records behind it, each a link to the record.
    const evidence = findings.locator('.ant-alert-error .ant-list-item');
    await evidence.first().waitFor();
    expect(await evidence.first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} · \S/);
    expect(await evidence.first().locator('a').getAttribute('href')).toMatch(/^\/(appeals|mediation\/cases)\//);
    await shot(page, 'participation-honour-evidence');
    await context.close();
  });

  it('the union edits a campaign’s evaluation criteria before anyone has scored', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const demo = (await staff('GET', '/suggestion-campaigns')).items[0];
    const CAMPAIGN = '安全生产专项献一策';
    const c = await staff('POST', '/suggestion-campaigns', { orgId: demo.orgId, title: CAMPAIGN, startsOn: demo.startsOn, endsOn: demo.endsOn });
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/suggestions/statistics`);
    await pickOption(page, page.getByTestId('campaign-pick'), CAMPAIGN);
    await page.getByTestId('campaign-edit').click();
    await dialogAtRest(page);
    const labels = page.getByTestId('campaign-criterion-label');
    expect(await labels.count()).toBe(3);
    await labels.nth(2).fill('安全效益');
    await page.getByTestId('campaign-criterion-add').click();
    await labels.nth(3).fill('推广价值');
    await page.getByRole('spinbutton', { name: '满分' }).nth(3).fill('10');
    await page.getByTestId('campaign-save').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await staff('GET', `/suggestion-campaigns/${c.id}`)).criteria.map((k: { label: string; max: number }) => `${k.label}${k.max}`))
      .toEqual(['创新性30', '可行性30', '安全效益40', '推广价值10']);
    await context.close();
  });
});
