/**
 * 工作总结 in the browser against the built server with the demo data: the union chair
 * generates this year's report for the group, opens a figure's reference code, picks a notable
 * case, edits the narrative and downloads the .docx (the case and the charts in it); the
 * principal does the same for the school's current term (its records list opened from a figure)
 * and opens the school's issued report of last year on a phone.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, dialogAtRest, horizontalOverflow, login, newPage, pickOption, shot, useE2E } from './harness.js';

const e2e = useE2E();

describe('the work report in the browser', () => {
  it('the chair generates the year’s report, opens a figure’s drill-down, edits the narrative and downloads the .docx', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'chair');
    await page.goto(`${e2e.server.url}/work-reports`);
    await page.getByTestId('wr-generate').click();
    await dialogAtRest(page);
    const report = await generate(page);
    expect(report).toMatchObject({ kind: 'year' });
    await page.getByTestId('wr-section-appeals').waitFor({ timeout: 60_000 });
    await page
      .getByText(/年度工作总结/)
      .first()
      .waitFor();

    // The first appeal figure: appeals have a record list behind each figure (the school practices count only).
    const ref = page.getByTestId('wr-section-appeals').locator('[data-testid^="wr-ref-"]').first();
    const code = (await ref.textContent())!.replace(/[[\]]/g, '');
    const [records] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/records') && r.ok()), ref.click()]);
    const drawer = page.getByTestId('wr-drill');
    await drawer.getByText(`数据附注 ${code}`).waitFor();
    expect(await drawer.getByTestId('wr-drill-filters').textContent()).toContain('status');
    // The appeals the figure counted at generation, as many as its numerator, each linked to its appeal.
    const kept = await records.json();
    expect(kept).toMatchObject({ ref: code, part: 'numerator', kept: true, visible: true, total: kept.count });
    await drawer.getByTestId('wr-snapshot-records').getByText(`共 ${kept.total} 条`, { exact: false }).waitFor();
    expect(await drawer.getByTestId('wr-snapshot-records').locator('a[href^="/appeals/"]').count()).toBe(Math.min(kept.total, kept.pageSize));
    await shot(page, 'work-report-drill');
    await drawer.locator('.ant-drawer-close').click();

    // Every practice's section draws the chart the .docx embeds.
    await page.getByTestId('wr-section-appeals').locator('canvas').first().waitFor();
    // A notable case the practices suggest for the year (the demo holds some), picked into its section.
    // The list item holding the first 选用 button (the button itself sits in the item's own action list).
    const item = page
      .locator('.ant-list-item')
      .filter({ has: page.getByTestId('wr-case-pick') })
      .first();
    const title = (await item.locator('.ant-list-item-meta-title').textContent())!.replace(/（[^（]*）$/, '');
    const cases = (await item.locator('xpath=ancestor::*[starts-with(@data-testid, "wr-cases-")][1]').getAttribute('data-testid'))!;
    await item.getByTestId('wr-case-pick').click();
    // Picked, it moves to its section's chosen cases (with a 移除 button) and leaves the suggestions.
    const section = page.getByTestId(cases);
    await section
      .locator('.ant-list-item')
      .filter({ hasText: title })
      .getByRole('button', { name: /移\s*除/ })
      .waitFor();

    const docx = await saveAndDownload(page, 'wr-summary', '全年职工诉求渠道畅通，答复及时。', /年度工作总结\.docx$/);
    // The .docx prints the case under its practice and carries the charts as pictures.
    expect(await docx.file('word/document.xml')!.async('string')).toContain(`：${title}（`);
    expect(docx.file(/^word\/media\/picture\d+\.emf$/).length).toBeGreaterThan(0);
    await context.close();
  }, 150_000);

  it('the principal generates the school’s term report, opens a figure’s records, edits the narrative and downloads the .docx', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'principal');
    await page.goto(`${e2e.server.url}/work-reports`);
    await page.getByTestId('wr-generate').click();
    await dialogAtRest(page);
    // 学期: the period starts on the term today falls in, from the school's own calendar.
    await pickOption(page, page.locator('.ant-modal:visible').getByTestId('wr-kind'), '学期');
    await expect.poll(() => page.locator('.ant-modal:visible').getByTestId('wr-term').textContent()).toMatch(/学年第.学期/);
    const report = await generate(page);
    expect(report).toMatchObject({ kind: 'term', title: expect.stringMatching(/^.+工作总结（\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}）$/) });
    expect(report.from <= today() && today() <= report.to).toBe(true);
    const section = page.getByTestId('wr-section-lessonLogs');
    await section.waitFor({ timeout: 60_000 });

    // A 35+10 figure's reference code: its drawer, then the academic office's list of the records behind it, for the term.
    const ref = section.locator('[data-testid^="wr-ref-"]').first();
    const code = (await ref.textContent())!.replace(/[[\]]/g, '');
    await ref.click();
    const drawer = page.getByTestId('wr-drill');
    await drawer.getByText(`数据附注 ${code}`).waitFor();
    const [list] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/lesson-logs\/schools\/[^/]+\/compliance\?/.test(r.url()) && r.status() === 200),
      drawer.getByRole('button', { name: /打开当前记录列表/ }).click(),
    ]);
    expect(new URL(list.url()).searchParams.get('from')).toBe(report.from);
    expect(new URL(list.url()).searchParams.get('to')).toBe(report.to);
    expect(new URL(page.url()).pathname).toBe('/lesson-logs');
    await page.goBack();

    const docx = await saveAndDownload(page, 'wr-plan', '下学期把课堂常规落到每一节课。', /工作总结（.+）\.docx$/);
    const text = await docx.file('word/document.xml')!.async('string');
    expect(text).toContain('下学期把课堂常规落到每一节课。');
    expect(text).toContain(`[${code}]`);
    await context.close();
  }, 150_000);

  it('the principal opens last year’s issued school report on a phone, with no sideways scrolling', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'principal');
    await page.goto(`${e2e.server.url}/work-reports`);
    await page.getByTestId('wr-report-link').first().click();
    await page.getByText('已印发').first().waitFor();
    await page.getByTestId('wr-section-moralEducation').waitFor();
    // The school's target for the ten-minute sessions (the demo sets ≥ 95 %) stands beside the figure it was written against.
    await page.getByTestId('wr-section-moralEducation').getByText('≥ 95.0%').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'work-report-school-phone');
    await context.close();
  });
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Confirms the open generate dialog: the report's page opens on its progress card (the queued report as the
 * server answered it), then polls until the snapshot is counted. Answers the created report.
 */
async function generate(page: Page): Promise<{ id: string; kind: string; title: string; from: string; to: string }> {
  // The poll that finds the snapshot counted may come before the progress card is looked at: listen from the start.
  const counted = page.waitForResponse(
    (r) =>
      r.request().method() === 'GET' &&
      /^\/api\/v1\/work-reports\/[^/]+$/.test(new URL(r.url()).pathname) &&
      r.ok() &&
      r.json().then((b) => b.status === 'draft'),
    { timeout: 60_000 },
  );
  // The page opens on the queued report the POST answered; its first poll is held until the progress card has been
  // seen, because a generation faster than one look of the test (Playwright polls every 100–500 ms) left it unseen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const reportRead = (url: URL) => /^\/api\/v1\/work-reports\/[^/]+$/.test(url.pathname);
  await page.route(reportRead, async (route) => {
    if (route.request().method() === 'GET') await held;
    await route.fallback();
  });
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/work-reports'),
    page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click(),
  ]);
  expect(created.status()).toBe(202);
  const report = await created.json();
  expect(['queued', 'generating']).toContain(report.status);
  await page.getByTestId('wr-progress').locator('.ant-progress').waitFor();
  release();
  expect(new URL((await counted).url()).pathname).toBe(`/api/v1/work-reports/${report.id}`);
  await page.unroute(reportRead);
  return report;
}

/** Writes words into one narrative box, saves (the server's answer awaited) and downloads the .docx, opened. */
async function saveAndDownload(page: Page, box: string, words: string, name: RegExp): Promise<JSZip> {
  await page.getByTestId(box).fill(words);
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/narrative')),
    page.getByTestId('wr-save').click(),
  ]);
  expect(saved.status()).toBe(200);
  await page.getByText('正文已保存').waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wr-docx').click()]);
  expect(file.suggestedFilename()).toMatch(name);
  return JSZip.loadAsync(fs.readFileSync((await file.path())!));
}
