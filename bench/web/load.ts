/**
 * The first ten seconds on a phone, measured (issue #15): the built server on a fresh demo
 * database, Debian's Chromium with the network and CPU throttled to a weak mine or home
 * connection, and the two paths that matter most — a worker's appeal form and a parent's
 * 心桥 week — from sign-in to usable, plus a repeat visit and the bytes each path costs.
 *
 * Run by hand, not in tests (figures go to bench/RESULTS.md):
 *   npm run build && node --import tsx bench/web/load.ts [--dist dist] [--dist other/dist …] [--runs 3]
 * `--dist` points at a build (<x>/server/main.js and <x>/web); given several times, the builds
 * are measured in ONE interleaved run (run 1 of each build, then run 2 of each …), so a busy
 * machine's drift falls on all of them alike and before/after compare fairly;
 * `--list` also prints each script a path fetched with its bytes (what to cut next).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { freePort } from '../../test/free-port.js';

const { values: args } = parseArgs({
  options: { dist: { type: 'string', multiple: true, default: ['dist'] }, runs: { type: 'string', default: '3' }, list: { type: 'boolean', default: false } },
});
const DISTS = args.dist!.map((d) => path.resolve(d));
const RUNS = Number(args.runs);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'demo1234';

/** 150 ms round trip, 1.6 Mb/s down, 750 kb/s up, a phone CPU four times slower than this one. */
const PROFILE = { latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4 };
const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function startServer(dist: string): Promise<Server> {
  const entry = path.join(dist, 'server/main.js');
  const webDir = path.join(dist, 'web');
  if (!fs.existsSync(entry) || !fs.existsSync(path.join(webDir, 'index.html')))
    throw new Error(`${dist} has no built server and web: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-web-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, WEB_DIR: webDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', XQ_JOBS: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // The demo seed alone took 170 s on a shared machine at load 28.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Bytes on the wire (headers and body, compressed as sent) by resource type, from the DevTools protocol. */
class Meter {
  private types = new Map<string, { type: string; url: string }>();
  bytes = { script: 0, other: 0, fromCache: 0 };
  /** Scripts in the order they finished, with their bytes on the wire. */
  scripts: { url: string; bytes: number }[] = [];
  constructor(cdp: CDPSession) {
    cdp.on('Network.responseReceived', (e) => this.types.set(e.requestId, { type: e.type, url: e.response.url }));
    cdp.on('Network.requestServedFromCache', () => this.bytes.fromCache++);
    cdp.on('Network.loadingFinished', (e) => {
      const r = this.types.get(e.requestId);
      if (r?.type === 'Script') {
        this.bytes.script += e.encodedDataLength;
        this.scripts.push({ url: r.url, bytes: e.encodedDataLength });
      } else this.bytes.other += e.encodedDataLength;
    });
  }
  reset() {
    this.bytes = { script: 0, other: 0, fromCache: 0 };
  }
}

async function throttledPage(context: BrowserContext): Promise<{ page: Page; meter: Meter }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.download,
    uploadThroughput: PROFILE.upload,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  return { page, meter: new Meter(cdp) };
}

const fcpOf = (page: Page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

interface Run {
  fcp: number;
  loginUsable: number;
  signInToUsable: number;
  signInScriptBytes: number;
  pathScriptBytes: number;
  repeat: number;
  repeatScriptBytes: number;
  /** Scripts before sign-in, then after. */
  scripts: { before: Meter['scripts']; after: Meter['scripts'] };
}

/**
 * One cold visit: the user opens the page's link, meets the sign-in form, signs in and
 * waits until the page answers; then the same browser opens the link again (a repeat visit).
 */
async function coldPath(browser: Browser, base: string, user: string, target: string, usable: string): Promise<Run> {
  // Without the service worker: its fetches run in another target the meter does not see, so the
  // bytes would read low; repeat visits then measure the HTTP cache (immutable assets) alone.
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  try {
    const { page, meter } = await throttledPage(context);
    const t0 = Date.now();
    await page.goto(`${base}${target}`);
    await page.getByTestId('login-submit').waitFor();
    const loginUsable = Date.now() - t0;
    const fcp = await fcpOf(page);
    await page.getByTestId('login-username').fill(user);
    await page.getByTestId('login-password').fill(PASSWORD);
    const loginScript = meter.bytes.script;
    const before = [...meter.scripts];
    const t1 = Date.now();
    await page.getByTestId('login-submit').click();
    await page.locator(usable).first().waitFor({ timeout: 120_000 });
    const signInToUsable = Date.now() - t1;
    const pathScriptBytes = meter.bytes.script;
    const signInScriptBytes = pathScriptBytes - loginScript;
    const after = meter.scripts.slice(before.length);
    await page.close();

    const again = await throttledPage(context);
    const t2 = Date.now();
    await again.page.goto(`${base}${target}`);
    await again.page.locator(usable).first().waitFor({ timeout: 120_000 });
    const repeat = Date.now() - t2;
    return {
      fcp,
      loginUsable,
      signInToUsable,
      signInScriptBytes,
      pathScriptBytes,
      repeat,
      repeatScriptBytes: again.meter.bytes.script,
      scripts: { before, after },
    };
  } finally {
    await context.close();
  }
}

function listScripts({ before, after }: Run['scripts']): void {
  const line = (x: { url: string; bytes: number }) => `    ${(x.bytes / 1024).toFixed(1).padStart(6)} KB  ${new URL(x.url).pathname}`;
  console.log(['  before sign-in:', ...before.map(line), '  after sign-in:', ...after.map(line)].join('\n'));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  // One after the other: two demo seeds at once on a loaded machine take longer than twice one.
  const servers: Server[] = [];
  for (const dist of DISTS) servers.push(await startServer(dist));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const paths = [
      { name: 'worker → 提诉求 form', user: 'worker', target: '/appeals/new', usable: '[data-testid="appeal-title"]' },
      { name: 'parent → 心桥 week', user: 'parent', target: '/heart-bridge/family', usable: '[data-testid="hb-home-form"], [data-testid="hb-home-side"]' },
    ];
    console.log(
      `builds: ${DISTS.join(', ')}; ${RUNS} runs each, interleaved, medians; ${os.cpus()[0]?.model} ×${os.cpus().length}, Chromium ${browser.version()}`,
    );
    const runs = new Map<string, Run[]>();
    for (let i = 0; i < RUNS; i++)
      for (const p of paths)
        for (const [d, server] of servers.entries()) {
          const key = `${d}|${p.name}`;
          runs.set(key, [...(runs.get(key) ?? []), await coldPath(browser, server.url, p.user, p.target, p.usable)]);
        }
    console.log(
      '| path | build | FCP | sign-in page usable | sign-in → usable | JS for the path (compressed) | of which after sign-in | repeat visit | JS on repeat |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const p of paths)
      for (const [d, dist] of DISTS.entries()) {
        const rs = runs.get(`${d}|${p.name}`)!;
        const m = (k: Exclude<keyof Run, 'scripts'>) => median(rs.map((r) => r[k]));
        console.log(
          `| ${p.name} | ${path.relative(process.cwd(), dist) || dist} | ${s(m('fcp'))} | ${s(m('loginUsable'))} | ${s(m('signInToUsable'))} | ${kb(m('pathScriptBytes'))} | ${kb(m('signInScriptBytes'))} | ${s(m('repeat'))} | ${kb(m('repeatScriptBytes'))} |`,
        );
        if (args.list) listScripts(rs[0].scripts);
      }
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
}

await main();
