/**
 * 政策回应 as people use it, in real Chromium against the built server with the demo data:
 * a worker on a phone searches the library for 年休假, asks a question, union staff answer it
 * citing 第三条 found by search, and the worker reads the answer with the cited article's text.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, horizontalOverflow, login, newPage, shot, useE2E } from './harness.js';

const e2e = useE2E();

const TITLE = '在矿上干了十二年，年休假能休几天';
const ANSWER = '您累计工作已满10年不满20年，每年可休年休假10天，请向所在单位人力资源部门申请。';
let questionPath = '';

describe('policy questions in the browser', () => {
  it('a worker on a 375 px phone finds 年休假 in the library and asks', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}/policies?q=${encodeURIComponent('年休假')}`);
    await page.getByTestId('policies-hit').first().waitFor();
    expect(await page.getByTestId('policies-hit').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('职工带薪年休假条例 第三条')]));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'policies-search-phone');

    await page.goto(`${e2e.server.url}/policies/ask`);
    await page.getByTestId('ask-title').fill(TITLE);
    // The nearest FAQ entries show before the question is sent.
    await page.getByTestId('ask-similar').waitFor();
    // Opening an entry is a view the union's FAQ figures count (once a day per worker, no name kept).
    const viewed = page.waitForResponse((r) => /\/api\/v1\/policy-faq\/[0-9a-f-]{36}\/view$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByTestId('ask-similar').locator('.ant-collapse-header').first().click();
    expect((await viewed).status()).toBe(200);
    await page.getByTestId('ask-similar-answer').first().waitFor();
    await page.getByTestId('ask-body').fill('之前在别的矿干过五年，调过来七年了，班组说只有5天。');
    await page.getByTestId('ask-send').click();
    await page.waitForURL(/\/policies\/questions\/[0-9a-f-]{36}$/);
    questionPath = new URL(page.url()).pathname;
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('union staff answer it citing the article they find by search', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}${questionPath}`);
    await page.getByTestId('answer-text').fill(ANSWER);
    await page.getByTestId('cite-search').fill('年休假');
    await page.getByTestId('cite-search-go').click();
    await page.getByTestId('cite-pick').filter({ hasText: '职工带薪年休假条例 第三条' }).first().locator('.ant-checkbox-wrapper').click();
    await page.getByTestId('answer-send').click();
    await page.getByTestId('question-answer').waitFor();
    await shot(page, 'policies-answered-staff');
    await context.close();
  });

  it('the worker reads the answer and the cited article on the phone', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}${questionPath}`);
    const answer = page.getByTestId('question-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toContain(ANSWER);
    const cited = await page.getByTestId('policy-citation').allTextContents();
    expect(cited).toEqual([expect.stringContaining('已满10年不满20年的，年休假10天')]);
    expect(cited[0]).toContain('职工带薪年休假条例 第三条');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'policies-answer-phone');
    await context.close();
  });
});
