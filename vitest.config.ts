import { defineConfig } from 'vitest/config';

const unit = ['server/**/*.test.ts', 'test/**/*.test.ts'];

// The same suite runs twice: once on SQLite, once on a real PostgreSQL server that
// test/pg-global-setup.ts starts. Browser tests run once, against the built app.
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker (CPUs − 1), and most of a file's time is
    // spent waiting on PostgreSQL, a spawned server or Chromium: two workers overlap those waits.
    maxWorkers: 2,
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache): the PostgreSQL project then
    // reuses what the SQLite project transformed — the same ~600 files — instead of transforming them again.
    experimental: { fsModuleCache: true },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Files of a project share their worker's module cache (isolate: false): each file builds its own app and
      // database, and importing the whole server afresh for each of ~100 files cost about 8 minutes of CI.
      {
        extends: true,
        test: { name: 'sqlite', include: unit, isolate: false, env: { XQ_TEST_ENGINE: 'sqlite' }, globalSetup: ['test/sqlite-global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'postgres', include: unit, isolate: false, env: { XQ_TEST_ENGINE: 'postgres' }, globalSetup: ['test/pg-global-setup.ts'] },
      },
      {
        extends: true,
        // Each browser file starts its own server (free port, own data directory) and browser, so two run side by side:
        // run one after another they were the last 7 minutes of CI, after every other file had finished.
        // expect.poll waits for the page to catch up with a write; its default of 1 s failed on a loaded CI machine
        // while Playwright's own waits (30 s) held. A poll that never matches still fails, after 15 s.
        // The walk (every role × every menu entry, issue #15) is two of these files, union and school side by side.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 90_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'walk',
          include: ['e2e/walk-*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 600_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
