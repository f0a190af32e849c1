/**
 * Accessibility: axe-core in real Chromium on the pages people live in — sign-in, the
 * worker's appeal form, the parent's 心桥 week, the staff inbox and the dashboards. No
 * critical or serious violation may appear; each page has a main landmark and an h1.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { DESKTOP, login, newPage, useE2E } from './harness.js';

// The app's CSP (script-src 'self') rightly refuses the injected axe script; the test's own
// browser context lets it in, the pages themselves are served unchanged.
const AUDITED = { ...DESKTOP, bypassCSP: true };

const e2e = useE2E();

async function expectAccessible(page: Page, ready: string) {
  await page.getByTestId(ready).first().waitFor();
  // Antd's enter animations fade colours in, and a table that is still loading sits under a translucent mask with a
  // spinner: measure contrast once every animation has stopped. A loaded CI machine needed more than the default 30 s.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 60_000 });
  // Soft: one run reports every page's findings, not only the first page's.
  expect.soft(await seriousViolations(page), page.url()).toEqual([]);
  expect.soft(await page.locator('main, [role="main"]').count(), `landmark on ${page.url()}`).toBeGreaterThan(0);
  expect.soft(await page.locator('h1').count(), `h1 on ${page.url()}`).toBeGreaterThan(0);
}

describe('accessibility (axe-core)', () => {
  it('the check itself reports a serious violation it is shown (control: the test can fail)', async () => {
    const { context, page } = await newPage(e2e.browser, AUDITED);
    await page.goto(`${e2e.server.url}/login`);
    await page.getByTestId('login-username').waitFor();
    // An image with no text alternative is a critical finding (image-alt).
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/favicon.ico">'));
    const found = await seriousViolations(page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    await context.close();
  });

  it('the sign-in page, the worker’s appeal form and the parent’s week', async () => {
    const { context, page } = await newPage(e2e.browser, AUDITED);
    await page.goto(`${e2e.server.url}/login`);
    await expectAccessible(page, 'login-username');
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}/appeals/new`);
    await expectAccessible(page, 'appeal-title');
    await context.close();

    const parent = await newPage(e2e.browser, AUDITED);
    await login(parent.page, e2e.server.url, 'parent');
    await parent.page.goto(`${e2e.server.url}/heart-bridge/family`);
    await expectAccessible(parent.page, 'hb-week');
    await parent.context.close();
  });

  it('the staff inbox and the dashboards', async () => {
    const { context, page } = await newPage(e2e.browser, AUDITED);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/appeals`);
    await expectAccessible(page, 'appeals-table');
    await page.goto(`${e2e.server.url}/appeals/dashboard`);
    await expectAccessible(page, 'dashboard-filters');
    await context.close();

    const principal = await newPage(e2e.browser, AUDITED);
    await login(principal.page, e2e.server.url, 'principal');
    await principal.page.goto(`${e2e.server.url}/heart-bridge/school`);
    await expectAccessible(principal.page, 'hb-school-coverage');
    await principal.page.goto(`${e2e.server.url}/moral-education/overview`);
    await expectAccessible(principal.page, 'me-school-coverage');
    await principal.context.close();
  });

  it('the congress office’s figures and the contract clauses honoured', async () => {
    const { context, page } = await newPage(e2e.browser, AUDITED);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/congress/figures`);
    await expectAccessible(page, 'congress-held');
    await page.goto(`${e2e.server.url}/contracts/clauses`);
    await expectAccessible(page, 'contracts-cuts');
    await context.close();
  });
});
