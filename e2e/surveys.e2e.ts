/**
 * 调研摸底 as people use it, in real Chromium against the built server with the demo data: the
 * demo worker answers the group's anonymous concerns survey on a 375 px phone (saving first,
 * resuming, then submitting), and the union chair reads the results with charts, cut by
 * employment category, the worker's answer counted, then the top concerns of the year, overall
 * and per unit.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, login, newPage, pickOption, shot, useE2E } from './harness.js';

const e2e = useE2E();
const TITLE = '2026年度职工最关心的问题调查（匿名）';
let answeredBefore = 0;

describe('surveys in the browser', () => {
  it('a worker on a 375 px phone answers the anonymous concerns survey', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}/surveys/mine`);
    await page.getByTestId('surveys-mine-item').filter({ hasText: TITLE }).click();
    await page.waitForURL(/\/surveys\/answer\/[0-9a-f-]{36}$/);
    const questions = page.getByTestId('surveys-question');
    await questions.first().waitFor();
    expect(await questions.count()).toBe(6);

    await questions.nth(0).getByText('基本满意').click();
    // Saved on the phone only (anonymous), and still there after a reload.
    await page.getByTestId('surveys-save-draft').click();
    await page.reload();
    await questions.first().waitFor();
    expect(await questions.nth(0).locator('.ant-radio-wrapper-checked').textContent()).toBe('基本满意');

    for (const [k, option] of ['工资收入', '安全生产', '住房'].entries()) {
      await pickOption(page, page.getByTestId(`surveys-top3-${k}`), option);
    }
    await questions.nth(2).getByText('技能培训').click();
    await questions.nth(3).getByText('4', { exact: true }).click();
    await questions.nth(5).locator('textarea').fill('夜班食堂希望有热饭菜');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'surveys-answer-phone');
    await page.getByTestId('surveys-submit').click();
    await page.getByText('已提交，谢谢！').waitFor();
    await context.close();
  });

  it('the chair reads the results with charts, cut by employment category', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');
    await page.goto(`${e2e.server.url}/surveys`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    const rate = page.getByTestId('surveys-rate');
    await rate.waitFor();
    answeredBefore = Number((await rate.textContent())!.split('/')[0].trim());
    expect(answeredBefore).toBeGreaterThan(1300);
    await page.getByTestId('surveys-chart').first().waitFor();
    expect(await page.getByTestId('surveys-question-result').count()).toBe(6);

    await pickOption(page, page.getByTestId('surveys-cut'), '用工身份');
    await page.getByTestId('surveys-group').filter({ hasText: '劳务派遣' }).first().waitFor();
    await shot(page, 'surveys-results-chair');

    // The year's top concerns: the ranking chart over the group and each unit's own top three.
    await page.goto(`${e2e.server.url}/surveys`);
    await page.getByTestId('surveys-concerns').click();
    await page.waitForURL(/\/surveys\/concerns$/);
    await page.getByTestId('surveys-concerns-chart').waitFor();
    const units = page.getByTestId('surveys-concerns-units').locator('tbody tr.ant-table-row');
    await units.first().waitFor();
    const top = units.first().locator('.ant-tag');
    expect(await top.count()).toBe(3);
    expect(await top.first().textContent()).toMatch(/^1\. \S+ \d+(\.\d)?%$/);
    await shot(page, 'surveys-concerns-chair');
    await context.close();
  });
});
