/**
 * The walk (issue #15's proof): every demo account, on a desktop and on a 375 px phone, signs in and opens every
 * entry of the menu the app renders for it. Any console error, page error, failed request or HTTP error from the
 * app's own origin, sideways scroll on the phone, axe critical/serious finding, or a page without a main landmark
 * and an h1 fails the account's test, naming the viewport and the path. Each role's home is photographed into
 * test-results/walk/<account>-<viewport>.png (CI keeps test-results/).
 *
 * The accounts come from docs/demo-accounts.md and the entries from the rendered menu, so a new account or a new
 * module's menu entry is walked without editing this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it, type ExpectStatic } from 'vitest';
import { seriousViolations } from './axe.js';
import { DESKTOP, PHONE, horizontalOverflow, newPage, useE2E } from './harness.js';

const SHOTS = path.resolve('test-results/walk');
const ACCOUNTS = [...fs.readFileSync(path.resolve('docs/demo-accounts.md'), 'utf8').matchAll(/^\| `([a-z0-9]+)` \|/gm)].map((m) => m[1]);

const VIEWPORTS = {
  desktop: { ...DESKTOP, viewport: { width: 1366, height: 768 } },
  phone: { ...PHONE, viewport: { width: 375, height: 812 } },
} as const;
type Viewport = keyof typeof VIEWPORTS;

const e2e = useE2E();

/**
 * Two accounts walk at a time: a page's time is mostly waiting on the server and Chromium's renderer, so two overlap
 * well on two cores; more only queue behind each other (five at once timed out on a loaded machine).
 */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** axe runs once per (route, viewport): the same page for another account is the same markup with other rows. */
const audited = new Set<string>();

/** Everything that went wrong in one context, as readable lines; `at` is the path being walked. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  let at = '/login';
  let inflight = 0;
  let lastChange = Date.now();
  const own = (url: string) => url.startsWith(origin);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${at}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${at}: page error: ${e.message}`));
  page.on('request', () => {
    inflight++;
    lastChange = Date.now();
  });
  const done = () => {
    inflight--;
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', (r) => {
    done();
    if (own(r.url())) problems.push(`${at}: request failed: ${r.method()} ${r.url().slice(origin.length)} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (own(r.url()) && r.status() >= 400) problems.push(`${at}: HTTP ${r.status()} ${r.request().method()} ${r.url().slice(origin.length)}`);
  });
  return {
    problems,
    go(p: string) {
      at = p;
    },
    /** No request in flight for 500 ms, no spinner or skeleton, no finite animation running (colours fade in). */
    async settled() {
      const deadline = Date.now() + 45_000;
      while (!(inflight <= 0 && Date.now() - lastChange >= 500)) {
        if (Date.now() > deadline) return problems.push(`${at}: requests still in flight after 45 s`);
        await page.waitForTimeout(100);
      }
      const still = await page
        // A looping animation (a "processing" badge's pulse) never ends and is not loading; a spinner is caught by its class.
        .waitForFunction(
          () =>
            !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .xq-boot') &&
            document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
          undefined,
          { timeout: 30_000 },
        )
        .then(
          () => false,
          () => true,
        );
      if (still) problems.push(`${at}: still loading or animating after 30 s`);
    },
  };
}

/** The menu as rendered for this user: on a phone, behind ☰ in a drawer. */
async function menuPaths(page: Page, viewport: Viewport): Promise<string[]> {
  let links = page.locator('[data-testid="app-menu"] a[data-testid^="menu-"]');
  if (viewport === 'phone') {
    await page.getByTestId('menu-toggle').click();
    links = page.locator('.ant-drawer [data-testid="app-menu"] a[data-testid^="menu-"]');
  }
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  if (viewport === 'phone') {
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  }
  return [...new Set(hrefs)];
}

/** Through the menu, as a person would; from a light page (no antd shell, no menu) by its address. */
async function open(page: Page, viewport: Viewport, base: string, p: string) {
  const shell = viewport === 'phone' ? page.getByTestId('menu-toggle') : page.getByTestId('app-menu');
  if (!(await shell.isVisible())) {
    await page.goto(`${base}${p}`);
    return;
  }
  const before = await page
    .locator('h1')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  if (viewport === 'phone') await shell.click();
  const scope = viewport === 'phone' ? '.ant-drawer ' : '';
  await page.locator(`${scope}[data-testid="app-menu"] a[href="${p}"]`).first().click();
  await page.waitForURL((u) => u.pathname === p);
  // The router keeps the previous page on screen while the next one's code loads (a transition): checked before the
  // new h1 shows, the old page's cells were measured under the new address. Two entries may share a title: then on.
  await page.waitForFunction((old) => (document.querySelector('h1')?.textContent ?? null) !== old, before, { timeout: 15_000 }).catch(() => undefined);
}

async function checkPage(page: Page, viewport: Viewport, problems: string[], at: string) {
  if (viewport === 'phone') {
    const over = await horizontalOverflow(page);
    if (over > 0) problems.push(`${at}: scrolls sideways by ${over} px at 375 px`);
  }
  if (!(await page.locator('main, [role="main"]').count())) problems.push(`${at}: no main landmark`);
  if ((await page.locator('h1').count()) !== 1) problems.push(`${at}: ${await page.locator('h1').count()} h1 elements (want one)`);
  const key = `${new URL(page.url()).pathname} ${viewport}`;
  if (!audited.has(key)) {
    audited.add(key);
    for (const v of await seriousViolations(page)) problems.push(`${at}: axe ${v}`);
  }
}

/** `expect` is the test's own: concurrent tests reporting through the global one had their findings filed under another account's test. */
async function walk(browser: Browser, base: string, account: string, viewport: Viewport, expect: ExpectStatic) {
  const { context, page } = await newPage(browser, { ...VIEWPORTS[viewport], bypassCSP: true });
  const w = watch(page, base);
  // Reported page by page (soft), so one run names every defect, and a run cut short still names those it saw.
  const report = () => {
    const found = w.problems.splice(0);
    expect.soft(found, `${account}, ${viewport}`).toEqual([]);
  };
  try {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').waitFor();
    await w.settled();
    await checkPage(page, viewport, w.problems, '/login');
    report();
    w.go('/');
    await page.getByTestId('login-username').fill(account);
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await w.settled();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${account}-${viewport}.png`), fullPage: true });
    const paths = await menuPaths(page, viewport);
    expect(paths.length, `${account} ${viewport}: menu entries`).toBeGreaterThan(1);
    await checkPage(page, viewport, w.problems, '/');
    report();
    for (const p of paths.filter((p) => p !== new URL(page.url()).pathname)) {
      w.go(p);
      await open(page, viewport, base, p);
      await w.settled();
      await checkPage(page, viewport, w.problems, p);
      report();
    }
  } finally {
    report();
    await context.close();
  }
}

describe.concurrent('the walk: every demo account, every menu entry, desktop and phone', () => {
  it('finds the demo accounts in docs/demo-accounts.md', () => {
    expect(ACCOUNTS.length).toBeGreaterThanOrEqual(16);
  });

  // One test per account and viewport: the admin's two viewports together passed 600 s on a loaded machine.
  it.for(ACCOUNTS.flatMap((a) => (['desktop', 'phone'] as const).map((v) => [a, v] as const)))(
    '%s %s',
    { timeout: 600_000 },
    async ([account, viewport], { expect }) => {
      await slot(() => walk(e2e.browser, e2e.server.url, account, viewport, expect));
    },
  );
});
