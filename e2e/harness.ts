/**
 * Browser tests run the built server as a real process on a fresh data directory (with
 * the demo seeded) and drive Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { freePort } from '../test/free-port.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-results/e2e');

export interface Server {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const entry = path.resolve('dist/server/main.js');
  if (!fs.existsSync(entry)) throw new Error('dist/server/main.js is missing: run `npm run build` first');
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-e2e-'));
  // The demo seeded once for the run (e2e/global-setup.ts); a server on another database seeds its own.
  if (!env.DATABASE_URL) fs.cpSync(inject('e2eTemplate'), dataDir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', XQ_JOBS: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      // Not left running for the rest of the run (it would hold its port, data directory and a core).
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The built server (demo seeded, fresh data dir) and one Chromium for a test file: started
 * before its tests, stopped after. Read `server` and `browser` inside tests, not at load.
 */
export function useE2E(): { readonly server: Server; readonly browser: Browser } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 860 } };

export async function newPage(browser: Browser, opts: Parameters<Browser['newContext']>[0] = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  // The app's service worker stays off unless a test asks for it (e2e/shell.e2e.ts): requests it
  // sees are hidden from page.route, which several tests use to cut the network.
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block', ...opts });
  const page = await context.newPage();
  return { context, page };
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function login(page: Page, base: string, username: string, password = 'demo1234') {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Picks one option of an antd select as a person would, and checks the pick took: on a loaded machine a click on an
 * option can land while the dropdown animates, leaving the select empty (a form then refuses to submit) or the
 * dropdown open over the next control. The select must show the option and no dropdown may stay open.
 */
export async function pickOption(page: Page, select: Locator, option: string) {
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: option })
          .first()
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        return (await select.textContent()) ?? '';
      },
      { timeout: 30_000 },
    )
    .toContain(option);
  // A dropdown still shown is usually animating out; one the select still holds open is closed by clicking the select,
  // never by Escape: inside a modal, an Escape that lands as the dropdown closes shuts the whole dialog.
  const expanded = () =>
    select.evaluate(
      (el) => !!el.closest('.ant-select-open') || !!el.querySelector('.ant-select-open, [aria-expanded="true"]') || el.getAttribute('aria-expanded') === 'true',
    );
  await expect
    .poll(async () => {
      const shown = await page.locator('.ant-select-dropdown:visible').count();
      if (shown && (await expanded())) await select.click();
      return shown;
    })
    .toBe(0);
}

/**
 * Waits for the open antd dialog to come to rest: while it zooms in its buttons move under the pointer, and on a loaded
 * machine a click then lands beside the button and the dialog stays open. Fill and submit a dialog only after this.
 */
export async function dialogAtRest(page: Page) {
  await page.locator('.ant-modal:visible').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]'), undefined, { timeout: 30_000 });
}

/** The page must not scroll sideways at phone width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export type ApiCall = <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** Signs in through the API, for setting up what a test needs but does not test; the test itself asserts through the UI. */
export async function apiAs(baseUrl: string, username: string, password = 'demo1234'): Promise<ApiCall> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T = any>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as T };
  };
}

/** The same caller, answering with the body and throwing on anything but success. */
export function strict(call: ApiCall) {
  return async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await call<T>(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
}
