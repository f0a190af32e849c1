/**
 * 集体合同 as the union uses it, in real Chromium against the built server with the demo data:
 * two drafts and their readable diff, the draft sent to the sitting congress and passed by its
 * representatives, signing, filing, effect and publication on the contract page, then a clause
 * checkpoint recorded with an evidence file, and an appeal cited on the clause showing under it.
 * The bargaining steps before the drafts and the representatives' ballots go through the API.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, apiAs, dialogAtRest, login, newPage, pickOption, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
const TITLE = '女职工劳动保护专项集体合同（浏览器）';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('a collective contract in the browser', () => {
  it('draft → diff → congress vote → sign → file → effective → checkpoint with evidence → a cited appeal shows on the clause', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const admin = strict(await apiAs(e2e.server.url, 'admin'));
    const [term] = (await staff('GET', '/congress/terms')).items;
    const sessionId = (await staff('GET', `/congress/terms/${term.id}`)).sessions.find((s: any) => s.status === 'planned').id;
    // The clause is owned by the demo handler's department: on effect it becomes that handler's decided item.
    const owner = (await strict(await apiAs(e2e.server.url, 'handler'))('GET', '/auth/me')).roles.find((r: any) => r.role === 'handler').orgId;

    // Bargaining through the API, dated so the 15-day objection period has run out by today.
    const { id } = await staff('POST', '/contracts', {
      orgId: term.orgId,
      kind: 'special',
      title: TITLE,
      requestedBy: 'union',
      requestDate: day(-40),
      termYears: 2,
    });
    await staff('POST', `/contracts/${id}/reply`, { repliedDate: day(-35) });
    await staff('PUT', `/contracts/${id}/negotiators`, {
      negotiators: [
        { side: 'union', name: '工会首席', chief: true },
        { side: 'employer', name: '行政首席', chief: true },
      ],
    });
    const clause = (raise: string) => ({
      chapter: '第二章 特殊保护',
      number: 1,
      category: 'womenProtection',
      text: `女职工每年妇科病检查${raise}次`,
      promise: true,
      ownerOrgId: owner,
    });
    // Preparation: what the employer side supplied, registered through the API and shown on the page below.
    await staff('POST', `/contracts/${id}/preparation/items`, {
      side: 'employer',
      kind: 'information',
      title: '近三年女职工体检情况汇总',
      suppliedBy: '人力资源部',
      suppliedDate: day(-36),
    });
    await staff('POST', `/contracts/${id}/versions`, { note: '初稿', clauses: [clause('一')] });
    await staff('POST', `/contracts/${id}/versions`, {
      note: '第二稿',
      clauses: [clause('两'), { chapter: '第一章 总则', number: 2, category: 'other', text: '本合同适用于集团全体女职工' }],
    });

    // The congress sits: everyone present; fifteen representatives besides `rep` get accounts to vote with.
    for (const r of (await staff('GET', `/congress/sessions/${sessionId}/attendance`)).items)
      await staff('PUT', `/congress/sessions/${sessionId}/attendance`, { representativeId: r.representativeId, present: true });
    await staff('POST', `/congress/sessions/${sessionId}/open`);
    const roster = (await staff('GET', `/congress/terms/${term.id}/representatives?pageSize=50`)).items.filter((r: any) => r.delegation !== '一号矿代表团');
    const voters = [strict(await apiAs(e2e.server.url, 'rep'))];
    for (const [i, r] of roster.slice(0, 15).entries()) {
      await admin('POST', '/accounts', {
        username: `hetong${i}`,
        displayName: r.name,
        password: 'demo1234',
        personId: r.personId,
        grants: [{ role: 'representative', orgId: term.orgId }],
      });
      voters.push(strict(await apiAs(e2e.server.url, `hetong${i}`)));
    }

    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');
    await page.goto(`${e2e.server.url}/contracts/${id}`);
    // The diff of the two drafts: the changed word marked, the new clause listed.
    await page.getByRole('tab', { name: '版本对照' }).click();
    await page.locator('ins', { hasText: '两' }).waitFor();
    expect(await page.locator('del').allTextContents()).toContain('一');
    expect(await page.locator('main').textContent()).toContain('第2条 第一章 总则 · 新增');
    // The preparation tab: both sides' chiefs make the numbers equal, and the employer's information is listed.
    await page.getByRole('tab', { name: '协商准备' }).click();
    await expect.poll(() => page.getByTestId('contracts-prep-balanced').textContent()).toBe('人数相等，双方各有首席代表');
    await page.getByText('近三年女职工体检情况汇总').waitFor();

    const act = async (action: string, fill?: () => Promise<void>) => {
      await page.getByTestId(`contracts-action-${action}`).click();
      await dialogAtRest(page);
      await fill?.();
      await page.getByTestId('contracts-action-submit').click();
      await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    };
    const status = () => page.locator('.ant-descriptions').first().locator('.ant-tag').first().textContent();
    await act('review', async () => {
      await pickOption(page, page.getByTestId('contracts-field-mode'), '职代会');
      // The session field shows with the mode the select shows, then loads the sitting sessions itself.
      await page.getByTestId('contracts-field-sessionId').waitFor();
      await pickOption(page, page.getByTestId('contracts-field-sessionId'), term.name);
    });
    await expect.poll(status).toBe('审议中');
    const voteId = (await staff('GET', `/congress/sessions/${sessionId}/votes`)).items.find((v: any) => v.subject?.id === id).id;
    for (const v of voters) await v('POST', `/congress/votes/${voteId}/ballot`, { choice: 'for' });
    await strict(await apiAs(e2e.server.url, 'chair'))('POST', `/congress/votes/${voteId}/close`);
    await act('congress-result');
    await expect.poll(status).toBe('审议通过');
    await act('sign', () => page.getByTestId('contracts-field-signedDate').fill(day(-25)));
    await expect.poll(status).toBe('已签字');
    await act('file', () => page.getByTestId('contracts-field-receivedDate').fill(day(-20)));
    await expect.poll(status).toBe('已报送');
    await act('effective');
    await expect.poll(status).toBe('已生效');
    await act('publish');
    await expect.poll(status).toBe('已公布');

    // The clause board: a checkpoint, then its finding with an evidence file.
    await page.getByRole('tab', { name: '条款履约看板' }).click();
    const row = page.locator('tr', { hasText: '女职工每年妇科病检查两次' });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('contracts-add-checkpoint').click();
    await dialogAtRest(page);
    await page.getByTestId('contracts-field-dueDate').fill(day(20));
    await page.getByTestId('contracts-field-method').fill('查阅体检名单');
    await page.getByTestId('contracts-field-evidenceRequired').fill('体检机构出具的名单');
    await page.getByTestId('contracts-check-submit').click();
    await page.getByTestId('contracts-check').waitFor();
    await page.getByTestId('contracts-check').click();
    await dialogAtRest(page);
    await page.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: '体检名单.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-modal:visible').getByText('体检名单.png').waitFor();
    await expect.poll(() => page.getByTestId('contracts-check-submit').isEnabled()).toBe(true);
    await page.getByTestId('contracts-check-submit').click();
    await page.locator('.ant-tag a', { hasText: '体检名单.png' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('已履行');

    // A worker's anonymous appeal cited on the clause shows under it, with no author.
    const worker = strict(await apiAs(e2e.server.url, 'worker'));
    const appeal = await worker('POST', '/appeals', {
      category: 'benefits',
      title: '女工体检只查了一项',
      description: '今年的女工体检只做了B超，妇科检查没有安排。',
      anonymous: true,
    });
    const clauseId = (await staff('GET', `/contracts/${id}/board`)).clauses.find((c: any) => c.number === 1).id;
    await staff('POST', `/contract-clauses/${clauseId}/citations`, { appealId: appeal.id });
    await page.reload();
    await page.getByRole('tab', { name: '条款履约看板' }).click();
    await page.locator('tr', { hasText: '女职工每年妇科病检查两次' }).locator('.ant-table-row-expand-icon').click();
    const citing = page.getByTestId('contracts-citing');
    await expect.poll(() => citing.textContent()).toContain('女工体检只查了一项');
    await shot(page, 'contracts-clause-cited');
    await context.close();
  }, 240_000);

  it('figures land where they are listed: the contract list, the clauses chart, the wage raises and the congress drill, each with its banner', async () => {
    const chair = strict(await apiAs(e2e.server.url, 'chair'));
    const groupId = (await chair('GET', '/congress/terms')).items[0].orgId;
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');

    // A work report's "in force" drill: the list names its filters and lists what the figure counts; clearing them shows all.
    await page.goto(`${e2e.server.url}/contracts?${new URLSearchParams({ orgId: groupId, from: day(-30), to: day(0), set: 'inForce', asOf: day(0) })}`);
    await page.getByTestId('contracts-drill').waitFor();
    const inForce = (await chair('GET', `/contracts?set=inForce&asOf=${day(0)}&orgId=${groupId}`)).total;
    await expect.poll(() => page.locator('main .ant-table-row').count()).toBe(inForce);
    await page.getByTestId('contracts-clear-filters').click();
    await page.getByTestId('contracts-drill').waitFor({ state: 'hidden' });

    // The clauses honoured: the chart draws the category bars, and a row's count opens exactly that many clauses.
    await page.getByTestId('contracts-clauses-link').click();
    await page.locator('[data-testid="contracts-cuts"] .ant-table-row').first().waitFor();
    expect(await page.locator('main canvas').count()).toBeGreaterThan(0);
    const first = page.locator('[data-testid="contracts-cuts"] .ant-table-row').first();
    const checked = Number(await first.locator('td').nth(3).textContent());
    await first.locator('td').nth(3).getByRole('button').click();
    await expect.poll(() => page.getByTestId('contracts-clauses-drill').locator('.ant-pagination-total-text').textContent()).toBe(`共 ${checked} 条`);

    // The wage figure's drill lands on the agreed raises (not the plain list), its filters named.
    const year = day(0).slice(0, 4);
    await page.goto(
      `${e2e.server.url}/contracts?${new URLSearchParams({ orgId: groupId, from: `${year}-01-01`, to: day(0), fromYear: year, toYear: year, reached: '1' })}`,
    );
    await page.waitForURL(/\/contracts\/wage-raises\?/);
    await expect.poll(() => page.getByTestId('contracts-raises-drill').locator('.ant-card-head').textContent()).toContain('已达成');

    // The work report's turnout drill on /congress: a banner over the votes it counts, cleared by one click.
    await page.goto(`${e2e.server.url}/congress?${new URLSearchParams({ orgId: groupId, from: `${year}-01-01`, to: day(0), list: 'votes' })}`);
    await page.getByTestId('congress-drill').waitFor();
    const votes = (await chair('GET', `/congress/votes?from=${year}-01-01&to=${day(0)}&orgId=${groupId}`)).items.length;
    await expect.poll(() => page.getByTestId('congress-drill-list').locator('.ant-table-row').count()).toBe(votes);
    await page.getByTestId('congress-clear-drill').click();
    await page.getByTestId('congress-drill').waitFor({ state: 'hidden' });
    await shot(page, 'congress-drill-cleared');
    await context.close();

    // The demo contract's 厂务公开 notice has been read, as other notices have.
    const published = (await chair('GET', '/notices?desk=1&pageSize=100')).items.filter((n: any) => n.title.startsWith('关于公布《'));
    const reads = await Promise.all(published.map(async (n: any) => (await chair('GET', `/notices/${n.id}/read-rates`)).read));
    expect(Math.max(0, ...reads)).toBeGreaterThan(0);
  }, 120_000);
});
