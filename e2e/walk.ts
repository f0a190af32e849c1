/**
 * The walk (issue #15's proof): one account of every demo role, on a desktop and on a 375 px phone, signs in and opens
 * every entry of the menu the app renders for it. Any console error, page error, failed request or HTTP error from the
 * app's own origin, sideways scroll on the phone, axe critical/serious finding, or a page without a main landmark and
 * one h1 fails the account's test, naming the viewport and the path. Each role's home is photographed into
 * test-results/walk/<account>-<viewport>.png (CI keeps test-results/).
 *
 * The roles come from docs/demo-accounts.md and the entries from the rendered menu, so a new role or a new module's menu
 * entry is walked without editing this file. Two test files walk half the roles each (e2e/walk-union.e2e.ts,
 * e2e/walk-school.e2e.ts), so the two halves run side by side, each with its own server and browser.
 *
 * What keeps it cheap (docs/architecture.md "巡检 The walk"): one account per role (`handler2`, `worker2` and
 * `parent2` repeat a role with other rows); the browser asks for reduced motion, so antd animates nothing and no
 * animation has to be waited out; a page is settled when the app says no query is fetching (`data-idle`, set by
 * web/src/app/IdleMark.tsx), nothing is in flight and the shell shows the path asked for (`data-path`); axe runs once per
 * path and page structure — on the phone again only where the page is built differently (cards for tables, wrapped
 * tabs), and once for the phone's shell.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { seriousViolations } from './axe.js';
import { useE2E } from './harness.js';

const SHOTS = path.resolve('test-results/walk');

interface Account {
  username: string;
  role: string;
  org: string;
}

/** Every account of docs/demo-accounts.md's table, with its role and org columns. */
function demoAccounts(): Account[] {
  const md = fs.readFileSync(path.resolve('docs/demo-accounts.md'), 'utf8');
  return [...md.matchAll(/^\| `([a-z0-9]+)` \| ([^|]+?) \| ([^|]+?) \|/gm)].map((m) => ({ username: m[1], role: m[2], org: m[3] }));
}

/** The first account of each role: a second account of a role sees the same pages with other rows. */
export function demoRoles(): Account[] {
  const seen = new Set<string>();
  return demoAccounts().filter((a) => !seen.has(a.role) && seen.add(a.role));
}

export type Half = 'union' | 'school';
/**
 * The school's roles (their org is the school or one of its classes) walk in one file, the union's in the other. The
 * admin (org 全部, the longest menu) walks with the school: the union's seven roles were ~220 page visits before handler,
 * rep, worker and mediator, the school's six 125 (2026-12-08).
 */
export const halfOf = (a: Account): Half => (/中学|班|全部/.test(a.org) ? 'school' : 'union');

const VIEWPORTS = {
  desktop: { viewport: { width: 1366, height: 768 } },
  // Layout, overflow and axe are in CSS pixels: a device scale of 1 lays the page out as a 375 px phone does, at a
  // quarter of the pixels to paint and photograph.
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
} as const;
type Viewport = keyof typeof VIEWPORTS;

/**
 * Two accounts walk at a time in a file: a page's time is partly waiting on the server and Chromium's renderer, so two
 * overlap on two cores; more only queue behind each other.
 */
function slots(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** What the walk did in one file, printed when it ends: the figures behind its cost. */
interface Tally {
  visits: Record<Viewport, number>;
  axe: Record<Viewport, number>;
  axeMs: number;
  settleMs: number;
}

/**
 * Which structures axe has seen, per file. A page's structure is the set of its elements' kinds inside the main
 * landmark (tag, role, the component classes) without text or counts: the same page for another account, or the
 * same page on a phone, is the same markup with other rows unless this set differs.
 */
class Audits {
  private seen = new Set<string>();
  private phoneShell = false;
  constructor(private tally: Tally) {}

  async check(page: Page, viewport: Viewport, structure: string, at: string): Promise<string[]> {
    const key = `${new URL(page.url()).pathname}\n${structure}`;
    // The phone's shell (top bar, ☰) is outside main: audited once, on the first signed-in phone page.
    const shell = viewport === 'phone' && !this.phoneShell && (await page.getByTestId('menu-toggle').isVisible());
    if (this.seen.has(key) && !shell) return [];
    this.seen.add(key);
    if (shell) this.phoneShell = true;
    const started = Date.now();
    const found = await seriousViolations(page);
    this.tally.axe[viewport]++;
    this.tally.axeMs += Date.now() - started;
    return found.map((v) => `${at}: axe ${v}`);
  }
}

/** Everything that went wrong in one context, as readable lines; `at` is the path being walked. */
function watch(page: Page, origin: string, tally: Tally) {
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
    /**
     * At rest: the shell shows the page for `shown` when given (or this is a page without the shell), the app fetches nothing
     * (`data-idle`), no request is in flight, no spinner or skeleton, no finite animation running — twice in a row,
     * 50 ms apart, so a query a freshly mounted part starts after the first look is caught by the second.
     */
    async settled(shown: string | null = null) {
      const started = Date.now();
      const deadline = started + 45_000;
      for (let calm = 0; calm < 2;) {
        if (Date.now() > deadline) {
          problems.push(`${at}: still loading after 45 s (requests in flight: ${inflight})`);
          break;
        }
        await page.waitForTimeout(50);
        const quiet =
          inflight <= 0 &&
          Date.now() - lastChange >= 50 &&
          (await page
            .evaluate((want) => {
              const path = document.querySelector('main[data-path]')?.getAttribute('data-path');
              return (
                (want == null || path == null || path === want) &&
                document.documentElement.hasAttribute('data-idle') &&
                !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .xq-boot') &&
                // A looping animation (a "processing" badge's pulse) never ends and is not loading.
                document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
              );
            }, shown)
            .catch(() => false));
        calm = quiet ? calm + 1 : 0;
      }
      tally.settleMs += Date.now() - started;
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
  if (viewport === 'phone') await shell.click();
  const scope = viewport === 'phone' ? '.ant-drawer ' : '';
  await page.locator(`${scope}[data-testid="app-menu"] a[href="${p}"]`).first().click();
  await page.waitForURL((u) => u.pathname === p);
}

/** One look at the page: sideways scroll, landmarks and headings, and its structure (see Audits). */
async function look(page: Page) {
  return page.evaluate(() => {
    const kinds = new Set<string>();
    for (const el of document.querySelectorAll('main *')) {
      // Component classes, not the states a width switches (a table's scroll shadow, "ping").
      const cls = [...el.classList].filter((c) => /^(ant|xq)-/.test(c) && !c.includes('-ping-')).sort();
      kinds.add(`${el.tagName}[${el.getAttribute('role') ?? ''}].${cls.join('.')}`);
    }
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      mains: document.querySelectorAll('main, [role="main"]').length,
      h1s: document.querySelectorAll('h1').length,
      structure: [...kinds].sort().join('\n'),
    };
  });
}

async function checkPage(page: Page, viewport: Viewport, audits: Audits, problems: string[], at: string) {
  const seen = await look(page);
  if (viewport === 'phone' && seen.overflow > 0) problems.push(`${at}: scrolls sideways by ${seen.overflow} px at 375 px`);
  if (!seen.mains) problems.push(`${at}: no main landmark`);
  if (seen.h1s !== 1) problems.push(`${at}: ${seen.h1s} h1 elements (want one)`);
  problems.push(...(await audits.check(page, viewport, seen.structure, at)));
}

/** `expect` is the test's own: concurrent tests reporting through the global one had their findings filed under another account's test. */
async function walk(browser: Browser, base: string, account: string, viewport: Viewport, expect: ExpectStatic, audits: Audits, tally: Tally) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
    reducedMotion: 'reduce',
    // The app's CSP (script-src 'self') refuses the injected axe script; the pages themselves are served unchanged.
    bypassCSP: true,
    ...VIEWPORTS[viewport],
  });
  const page = await context.newPage();
  const w = watch(page, base, tally);
  // Reported page by page (soft), so one run names every defect, and a run cut short still names those it saw.
  const report = () => {
    const found = w.problems.splice(0);
    // Printed as found too: vitest names failures only when the whole run ends, and a run cut short names none.
    if (found.length) console.log(`walk ${account}, ${viewport}:\n  ${found.join('\n  ')}`);
    expect.soft(found, `${account}, ${viewport}`).toEqual([]);
  };
  try {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').waitFor();
    await w.settled();
    await checkPage(page, viewport, audits, w.problems, '/login');
    tally.visits[viewport]++;
    report();
    await page.getByTestId('login-username').fill(account);
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    w.go('/');
    await w.settled();
    // Where the role lands (a role's home may send it on).
    const home = new URL(page.url()).pathname;
    w.go(home);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${account}-${viewport}.png`), fullPage: true });
    const paths = await menuPaths(page, viewport);
    expect(paths.length, `${account} ${viewport}: menu entries`).toBeGreaterThan(1);
    await checkPage(page, viewport, audits, w.problems, home);
    tally.visits[viewport]++;
    report();
    for (const p of paths.filter((p) => p !== home)) {
      w.go(p);
      await open(page, viewport, base, p);
      await w.settled(p);
      await checkPage(page, viewport, audits, w.problems, p);
      tally.visits[viewport]++;
      report();
    }
  } finally {
    report();
    await context.close();
  }
}

/** The walk of one half of the roles: one test per role, its desktop walk then its phone walk. */
export function walkHalf(half: Half) {
  const e2e = useE2E();
  const tally: Tally = { visits: { desktop: 0, phone: 0 }, axe: { desktop: 0, phone: 0 }, axeMs: 0, settleMs: 0 };
  const audits = new Audits(tally);
  const slot = slots(2);
  const started = Date.now();
  const accounts = demoRoles()
    .filter((a) => halfOf(a) === half)
    .map((a) => a.username);

  afterAll(() => {
    const s = (ms: number) => `${Math.round(ms / 1000)} s`;
    console.log(
      `walk (${half}): ${accounts.length} roles, page visits desktop ${tally.visits.desktop} + phone ${tally.visits.phone}, ` +
        `axe runs desktop ${tally.axe.desktop} + phone ${tally.axe.phone} (${s(tally.axeMs)}), settling ${s(tally.settleMs)}, wall ${s(Date.now() - started)}`,
    );
  });

  describe.concurrent(`the walk (${half}): every role, every menu entry, desktop and phone`, () => {
    it('walks one account of each of its roles', () => {
      expect(accounts.length).toBeGreaterThanOrEqual(half === 'union' ? 6 : 7);
    });

    // A test's time runs from its start, while it may wait for a slot behind four others: the limit guards against a
    // hang only (each settling gives up after 45 s, each Playwright action after 30 s).
    it.for(accounts)('%s', { timeout: 3_600_000 }, async (account, { expect }) => {
      await slot(async () => {
        // The phone after the desktop: its pages are audited only where their structure differs from the desktop's.
        await walk(e2e.browser, e2e.server.url, account, 'desktop', expect, audits, tally);
        await walk(e2e.browser, e2e.server.url, account, 'phone', expect, audits, tally);
      });
    });
  });
}
