/**
 * The shell on a network that comes and goes (issue #15): a worker who opened the appeal form
 * once gets it again, with the draft, when the phone has no network at all — from the
 * service worker's cache and the last session this browser saw, not the sign-in page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, login, newPage, useE2E } from './harness.js';

const e2e = useE2E();

describe('the shell offline', () => {
  it('a worker reloads the appeal form with no network: the form and the draft come back, not the sign-in page', async () => {
    const { context, page } = await newPage(e2e.browser, { ...PHONE, serviceWorkers: 'allow' });
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}/appeals/new`);
    await page.getByTestId('appeal-title').fill('井下三号巷道照明不足');

    // Every file this page loaded is in the worker's cache before the network goes.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'not controlled';
          const assets = performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((u) => new URL(u).pathname.startsWith('/assets/'));
          const missing = [];
          for (const u of assets) if (!(await caches.match(u))) missing.push(u);
          return missing.length ? `missing ${missing.join(', ')}` : 'all cached';
        }),
      )
      .toBe('all cached');

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('appeal-title').inputValue()).toBe('井下三号巷道照明不足');
    expect(new URL(page.url()).pathname).toBe('/appeals/new');

    // Back online, the server confirms the session: the worker stays on the form, still signed in.
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.getByTestId('appeal-title').inputValue()).toBe('井下三号巷道照明不足');
    expect(new URL(page.url()).pathname).toBe('/appeals/new');
    await context.close();
  });

  // The light phone path (docs/architecture.md): sign-in and the page after it without antd. Bytes, not time: a
  // loaded machine changes how long it takes, never what is sent.
  it('a worker’s phone reaches the appeal form, and a parent’s the 心桥 week, with under 200 KB of compressed JavaScript', async () => {
    for (const [user, target, usable] of [
      ['worker', '/appeals/new', 'appeal-title'],
      ['parent', '/heart-bridge/family', 'hb-week'],
    ] as const) {
      const { context, page } = await newPage(e2e.browser, PHONE);
      const scripts = scriptBytes(page);
      await page.goto(`${e2e.server.url}${target}`);
      await page.getByTestId('login-username').fill(user);
      await page.getByTestId('login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.getByTestId(usable).waitFor();
      expect(new URL(page.url()).pathname).toBe(target);
      // antd's CSS-in-JS writes its style tags as soon as any antd component renders.
      expect(await page.locator('style[data-css-hash], style[data-rc-order]').count()).toBe(0);
      expect(await scripts.total(), `${user}: ${await scripts.list()}`).toBeLessThanOrEqual(200 * 1024);
      // Every other page is one link away, in the antd shell (and then its style tags are there: the check above can fail).
      await page.getByTestId('light-home').click();
      await page.locator('[data-testid="menu-toggle"], [data-testid="app-menu"]').first().waitFor();
      expect(await page.locator('style[data-css-hash], style[data-rc-order]').count()).toBeGreaterThan(0);
      await context.close();
    }
  });
});

/** Compressed bytes of every script the page fetched (the body as sent, before decoding). */
function scriptBytes(page: Page) {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    const url = new URL(request.url()).pathname;
    // Scripts still arriving when the context closes (after the check) reject: caught, not unhandled. A size that
    // could not be read counts as NaN, so a total taken while it matters fails instead of undercounting.
    sizes.push(
      request.sizes().then(
        (s) => ({ url, bytes: s.responseBodySize }),
        () => ({ url, bytes: Number.NaN }),
      ),
    );
  });
  return {
    total: async () => (await Promise.all(sizes)).reduce((sum, s) => sum + s.bytes, 0),
    list: async () => (await Promise.all(sizes)).map((s) => `${s.url} ${s.bytes}`).join(', '),
  };
}
