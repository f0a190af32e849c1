/**
 * The shell on a network that comes and goes (issue #15): a worker who opened the appeal form
 * once gets it again, with the draft, when the phone has no network at all — from the
 * service worker's cache and the last session this browser saw, not the sign-in page.
 */
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
          const assets = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => new URL(u).pathname.startsWith('/assets/'));
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
});
