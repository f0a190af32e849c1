/**
 * A union meeting as its people use it, in real Chromium against the built server with the demo data: an attendee
 * signs in on a phone, the desk marks another present, marks the meeting held and records a decision with its owner,
 * due in working days, the decided item shows on the board under that owner, and the series' next meeting opens with
 * it and its progress in the carry-over item. The meetings are planned through the API.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, dialogAtRest, login, newPage, pickOption, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
const TITLE = '井下班中餐质量专题会（浏览器）';
const DECISION = '三个月内完成井下班中餐保温车更换';
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('a meeting in the browser', () => {
  it('sign-in → present → held → a decision with its owner → on the board', async () => {
    const staff = strict(await apiAs(e2e.server.url, 'staff'));
    const me = async (username: string) =>
      (await strict(await apiAs(e2e.server.url, username))('GET', '/auth/me')).account as { id: string; displayName: string };
    const [handler, chair] = [await me('handler'), await me('chair')];
    const [series] = (await staff('GET', '/meetings/series')).items;
    const { id } = await staff('POST', '/meetings', {
      seriesId: series.id,
      title: TITLE,
      plannedDate: day(0),
      agenda: [{ title: '班中餐质量问题' }],
      attendeeAccountIds: [handler.id, chair.id],
    });

    // The handler signs in on a phone.
    const phone = await newPage(e2e.browser, PHONE);
    await login(phone.page, e2e.server.url, 'handler');
    await phone.page.goto(`${e2e.server.url}/meetings/${id}`);
    await phone.page.getByTestId('meeting-sign-in').click();
    const handlerRow = phone.page.getByTestId('meeting-attendees').locator('.ant-list-item', { hasText: handler.displayName });
    await expect.poll(() => handlerRow.textContent()).toContain('已签到');
    await phone.context.close();

    // The desk marks the chair present, the meeting held, and records a decision owned by the handler.
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/meetings/${id}`);
    const chairRow = page.getByTestId('meeting-attendees').locator('.ant-list-item', { hasText: chair.displayName });
    // antd spaces a two-character Chinese label: the button reads 「出 席」.
    await chairRow.getByRole('button', { name: /^出\s?席$/ }).click();
    await expect.poll(() => chairRow.textContent()).toContain('已签到');
    expect(await page.getByTestId('meeting-attendees').locator('.ant-list-item', { hasText: handler.displayName }).textContent()).toContain('已签到');
    await page.getByTestId('meeting-action-held').click();
    await dialogAtRest(page);
    await page.getByTestId('meeting-action-submit').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    await page.getByTestId('decision-title').fill(DECISION);
    await pickOption(page, page.getByTestId('decision-owner'), handler.displayName);
    // The due date is given in working days from the meeting (the core calendar counts them).
    const dueDays = page.getByTestId('decision-due-days');
    await dueDays.fill('15');
    await page.getByTestId('decision-submit').click();
    const decisions = page.getByTestId('meeting-decisions');
    await expect.poll(() => decisions.textContent()).toContain(DECISION);
    const { date: due } = await staff('GET', `/calendar/add-working-days?start=${day(0)}&days=15`);
    expect(await decisions.textContent()).toContain(`${handler.displayName} · ${due}`);

    // The board, filtered to this meeting's decisions through the address (as a bookmark or a figure's drill would): the item with its owner.
    await page.goto(`${e2e.server.url}/decided-items?sourceId=${id}`);
    await expect.poll(() => page.getByTestId('decided-drill').textContent()).toContain('指定来源');
    const row = page.locator('tr', { hasText: DECISION });
    await expect.poll(() => row.textContent()).toContain(handler.displayName);
    expect(await row.textContent()).toContain(due);
    await shot(page, 'meetings-decided-on-board');

    // Carry-over: the owner reports progress, and the series' next meeting opens with the item and that progress.
    const [item] = (await staff('GET', `/decided-items?sourceId=${id}`)).items;
    const owner = strict(await apiAs(e2e.server.url, 'handler'));
    await owner('POST', `/decided-items/${item.id}/progress`, { progress: 40, note: '保温车已招标' });
    // The next meeting also takes up an adopted congress proposal, one the agenda editor's picker offers for this series.
    const [proposal] = (await staff('GET', `/meetings/series/${series.id}/proposals`)).items;
    const next = await staff('POST', '/meetings', {
      seriesId: series.id,
      title: `${TITLE}（下次）`,
      plannedDate: day(7),
      agenda: [{ title: '其他事项' }, { title: '研究职代会提案', proposalId: proposal.id }],
    });
    await page.goto(`${e2e.server.url}/meetings/${next.id}`);
    const carried = page.getByTestId('carry-over').locator('.ant-list-item', { hasText: DECISION });
    await expect.poll(() => carried.textContent()).toContain(handler.displayName);
    expect(await carried.textContent()).toContain('40%');
    expect(await page.locator(`a[href="/congress/proposals/${proposal.id}"]`).textContent()).toContain(proposal.title);
    await context.close();
  }, 180_000);
});
