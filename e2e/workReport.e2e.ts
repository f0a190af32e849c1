/**
 * 工作总结 in the browser against the built server with the demo data: the union chair
 * generates this year's report for the group, opens a figure's reference code, picks a notable
 * case, edits the narrative and downloads the .docx (the case and the charts in it); the
 * principal opens the school's issued report of last year.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {DESKTOP, PHONE, horizontalOverflow, login, newPage, shot, useE2E } from './harness.js';

const e2e = useE2E();

describe('the work report in the browser', () => {
  it('the chair generates the year’s report, opens a figure’s drill-down, edits the narrative and downloads the .docx', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');
    await page.goto(`${e2e.server.url}/work-reports`);
    await page.getByTestId('wr-generate').click();
    await page.locator('.ant-modal:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
    // The page polls while the snapshot is counted (progress card), then shows the sections.
    await page.locator('[data-testid="wr-progress"], [data-testid="wr-section-appeals"]').first().waitFor();
    await page.getByTestId('wr-section-appeals').waitFor({ timeout: 60_000 });
    await page.getByText(/年度工作总结/).first().waitFor();

    // The first appeal figure: appeals have a record list behind each figure (the school practices count only).
    const ref = page.getByTestId('wr-section-appeals').locator('[data-testid^="wr-ref-"]').first();
    const code = (await ref.textContent())!.replace(/[[\]]/g, '');
    await ref.click();
    const drawer = page.getByTestId('wr-drill');
    await drawer.getByText(`数据附注 ${code}`).waitFor();
    expect(await drawer.getByTestId('wr-drill-filters').textContent()).toContain('status');
    await shot(page, 'work-report-drill');
    await drawer.locator('.ant-drawer-close').click();

    // Every practice's section draws the chart the .docx embeds.
    await page.getByTestId('wr-section-appeals').locator('canvas').first().waitFor();
    // A notable case the practices suggest for the year (the demo holds some), picked into its section.
    // The list item holding the first 选用 button (the button itself sits in the item's own action list).
    const item = page.locator('.ant-list-item').filter({ has: page.getByTestId('wr-case-pick') }).first();
    const title = (await item.locator('.ant-list-item-meta-title').textContent())!.replace(/（[^（]*）$/, '');
    const cases = (await item.locator('xpath=ancestor::*[starts-with(@data-testid, "wr-cases-")][1]').getAttribute('data-testid'))!;
    await item.getByTestId('wr-case-pick').click();
    // Picked, it moves to its section's chosen cases (with a 移除 button) and leaves the suggestions.
    const section = page.getByTestId(cases);
    await section.locator('.ant-list-item').filter({ hasText: title }).getByRole('button', { name: /移\s*除/ }).waitFor();

    await page.getByTestId('wr-summary').fill('全年职工诉求渠道畅通，答复及时。');
    await page.getByTestId('wr-save').click();
    await page.getByText('正文已保存').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wr-docx').click()]);
    expect(file.suggestedFilename()).toMatch(/年度工作总结\.docx$/);
    // The .docx prints the case under its practice and carries the charts as pictures.
    const docx = await JSZip.loadAsync(fs.readFileSync((await file.path())!));
    expect(await docx.file('word/document.xml')!.async('string')).toContain(`：${title}（`);
    expect(docx.file(/^word\/media\/picture\d+\.emf$/).length).toBeGreaterThan(0);
    await context.close();
  });

  it('the principal opens last year’s issued school report on a phone, with no sideways scrolling', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'principal');
    await page.goto(`${e2e.server.url}/work-reports`);
    await page.getByTestId('wr-report-link').first().click();
    await page.getByText('已印发').first().waitFor();
    await page.getByTestId('wr-section-moralEducation').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'work-report-school-phone');
    await context.close();
  });
});
