/**
 * 职代会 as people use it, in real Chromium against the built server with the demo data: the
 * `rep` representative raises a proposal on a 375 px phone, two other representatives second
 * it, the office screens and assigns it on the desktop, the department's handler answers, and
 * `rep` rates the answer; then a resolution is opened, voted on by enough representatives to
 * pass, closed, and the result appears only after the close.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, horizontalOverflow, login, newPage, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
const TITLE = '井口候车室冬季取暖改造';
const VOTE = '关于2027年职工福利费使用方案的决议';

let sessionId = '';
let proposalId = '';
/** Representatives other than `rep`, each signed in through the API with an account of their own. */
const others: ReturnType<typeof strict>[] = [];
const otherNames: string[] = [];

describe("the workers' congress in the browser", () => {
  it('rep raises a proposal on the phone and two other representatives second it', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const admin = strict(await apiAs(e2e.server.url, 'admin'));
    const [term] = (await staff('GET', '/congress/terms')).items;
    const detail = await staff('GET', `/congress/terms/${term.id}`);
    sessionId = detail.sessions.find((s: any) => s.status === 'planned').id;
    // Fifteen representatives outside rep's delegation get accounts: with rep, sixteen of thirty can pass a resolution.
    const roster = (await staff('GET', `/congress/terms/${term.id}/representatives?pageSize=50`)).items.filter((r: any) => r.delegation !== '一号矿代表团');
    for (const [i, r] of roster.slice(0, 15).entries()) {
      await admin('POST', '/accounts', {
        username: `daibiao${i}`,
        displayName: r.name,
        password: 'demo1234',
        personId: r.personId,
        grants: [{ role: 'representative', orgId: term.orgId }],
      });
      others.push(strict(await apiAs(e2e.server.url, `daibiao${i}`)));
      otherNames.push(r.name);
    }

    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'rep');
    await page.goto(`${e2e.server.url}/congress/sessions/${sessionId}`);
    await page.getByTestId('congress-raise').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('案由（一事一案）').fill(TITLE);
    await modal.getByLabel('提案理由').fill('井口候车室冬季没有取暖设备，职工等罐笼时受冻。');
    await modal.getByLabel('建议办法').fill('加装暖风机并改造门窗密封。');
    await modal.getByRole('button', { name: /OK|确\s*定/ }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'congress-raised-phone');
    proposalId = (await staff('GET', `/congress/sessions/${sessionId}/proposals?q=${encodeURIComponent(TITLE)}`)).items[0].id;
    for (const second of others.slice(0, 2)) await second('POST', `/congress/proposals/${proposalId}/second`);
    await page.reload();
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(/\/congress\/proposals\//);
    await page.getByTestId('congress-proposal-status-tag').waitFor();
    const text = await page.locator('main').textContent();
    for (const name of otherNames.slice(0, 2)) expect(text).toContain(name);
    await context.close();
  });

  it('the office screens and assigns it on the desktop', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/congress/proposals/${proposalId}`);
    await page.getByTestId('congress-screen-reason').fill('事关井下职工切身利益，予以立案');
    await page.getByTestId('congress-screen-submit').click();
    await expect.poll(() => page.getByTestId('congress-proposal-status-tag').textContent()).toBe('已立案');
    await page.locator('#congress-assign-department').click();
    await page.keyboard.type('生产部');
    await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: '生产部' }).first().click();
    await page.getByTestId('congress-assign-submit').click();
    await expect.poll(() => page.getByTestId('congress-proposal-status-tag').textContent()).toBe('办理中');
    await shot(page, 'congress-assigned-staff');
    await context.close();
  });

  it('the handler answers and rep rates the answer on the phone', async () => {
    const desk = await newPage(e2e.browser, DESKTOP);
    await login(desk.page, e2e.server.url, 'handler');
    await desk.page.goto(`${e2e.server.url}/congress/assigned`);
    await desk.page.getByRole('link', { name: TITLE }).click();
    await desk.page.getByTestId('congress-answer-text').fill('已安排在十一月底前加装两台暖风机，并更换候车室门窗密封条。');
    await desk.page.getByTestId('congress-answer-submit').click();
    await expect.poll(() => desk.page.getByTestId('congress-proposal-status-tag').textContent()).toBe('已答复');
    // The answer closes the proposal's decided item.
    expect(await desk.page.getByTestId('congress-proposal-decided').textContent()).toMatch(/^已完成 · 100% · /);
    await desk.context.close();

    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'rep');
    await page.goto(`${e2e.server.url}/congress/proposals/${proposalId}`);
    expect(await page.getByTestId('congress-proposal-answer').textContent()).toContain('暖风机');
    await page.getByTestId('congress-rate-satisfied').click();
    await expect.poll(() => page.getByTestId('congress-proposal-status-tag').textContent()).toBe('已办结');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('a resolution is opened, voted by sixteen of thirty, and its result shows only after the close', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    // Everyone on the roster is present; the session sits.
    const session = await staff('GET', `/congress/sessions/${sessionId}`);
    for (const r of (await staff('GET', `/congress/sessions/${sessionId}/attendance`)).items)
      await staff('PUT', `/congress/sessions/${sessionId}/attendance`, { representativeId: r.representativeId, present: true });
    expect(session.status).toBe('planned');
    await staff('POST', `/congress/sessions/${sessionId}/open`);

    const office = await newPage(e2e.browser, DESKTOP);
    await login(office.page, e2e.server.url, 'staff');
    await office.page.goto(`${e2e.server.url}/congress/sessions/${sessionId}`);
    const item = office.page.getByTestId('congress-votes').locator('.ant-list-item', { hasText: VOTE });
    await item.getByRole('button', { name: '开始表决' }).click();
    await item.getByText('表决结束后公布结果').waitFor();

    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'rep');
    await phone.page.goto(`${e2e.server.url}/congress/sessions/${sessionId}`);
    const mine = phone.page.getByTestId('congress-votes').locator('.ant-list-item', { hasText: VOTE });
    await mine.getByTestId('congress-cast-for').click();
    await mine.getByText('您已投票').waitFor();
    expect(await mine.getByTestId('congress-vote-result').count()).toBe(0);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await shot(phone.page, 'congress-voted-phone');

    const voteId = (await staff('GET', `/congress/sessions/${sessionId}/votes`)).items.find((v: any) => v.title === VOTE).id;
    for (const voter of others) await voter('POST', `/congress/votes/${voteId}/ballot`, { choice: 'for' });

    await office.page.reload();
    await item.getByRole('button', { name: '结束表决并计票' }).click();
    await office.page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    const result = item.getByTestId('congress-vote-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('通过');
    expect(await result.textContent()).toContain('赞成 16');
    expect(await result.textContent()).toContain('投票率 53.3%（16 / 全体代表 30 人）');
    await shot(office.page, 'congress-vote-result');
    await phone.page.reload();
    await mine.getByTestId('congress-vote-result').waitFor();
    await office.context.close();
    await phone.context.close();
  });
});
