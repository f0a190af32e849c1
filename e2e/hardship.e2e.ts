/**
 * 困难职工帮扶 as people use it, in real Chromium against the built server with the demo data:
 * a worker applies on a 375 px phone, two staff record their home visits, the officer approves,
 * and the public notice shows the worker's name masked (张*) with the notice period.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, dialogAtRest, horizontalOverflow, login, newPage, pickOption, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
let filePath = '';

describe('a hardship application in the browser', () => {
  it('a worker applies on a 375 px phone', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}/hardship/apply`);
    await page.getByTestId('hardship-income').fill('1800');
    await page.getByTestId('hardship-add-member').click();
    await page.getByTestId('hardship-member-name-0').fill('刘桂兰');
    await page.getByTestId('hardship-member-relation-0').fill('配偶');
    await pickOption(page, page.getByTestId('hardship-causes'), '因病');
    await page.getByTestId('hardship-situation').fill('妻子患尿毒症长期透析，家中只有我一人有收入。');
    await page.getByTestId('hardship-submit').click();
    await page.waitForURL(/\/hardship\/households\/[0-9a-f-]{36}$/);
    filePath = new URL(page.url()).pathname;
    expect(await page.getByTestId('hardship-status').textContent()).toBe('待核实');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'hardship-applied-phone');
    await context.close();
  });

  it('two staff visit, the officer approves, and the notice shows the masked name', async () => {
    const id = filePath.split('/').pop()!;
    // The second visitor and the approval go through the API: the page under test is the first visit.
    const chair = strict(await apiAs(e2e.server.url, 'chair'));
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}${filePath}`);
    await page.getByTestId('hardship-action-visits').click();
    await dialogAtRest(page);
    await page.getByTestId('hardship-field-notes').fill('入户核实：透析票据齐全，住房为单位旧宿舍。');
    await page.getByTestId('hardship-action-submit').click();
    await page.getByTestId('hardship-visit').first().waitFor();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await chair('POST', `/hardship/households/${id}/visits`, { visitedOn: today, notes: '与社区核实属实。' });
    await page.reload();
    await page.getByTestId('hardship-action-approve').click();
    await dialogAtRest(page);
    await page.getByTestId('hardship-action-submit').click();
    await expect.poll(() => page.getByTestId('hardship-status').textContent()).toBe('公示中');
    const file = await chair('GET', `/hardship/households/${id}`);
    await shot(page, 'hardship-approved-desktop');
    await context.close();

    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'worker2');
    await phone.page.goto(`${e2e.server.url}/hardship/publicity`);
    const row = phone.page.getByTestId('hardship-notice').filter({ hasText: file.noticeTo });
    await row.first().waitFor();
    const names = await phone.page.getByTestId('hardship-masked-name').allTextContents();
    expect(names).toContain(`${[...file.workerName][0]}*`);
    expect(await phone.page.content()).not.toContain(file.workerName);
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    await shot(phone.page, 'hardship-publicity-phone');
    await phone.context.close();
  });
});
