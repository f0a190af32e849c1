/**
 * Seeds the demo once per browser-test run into a template data directory; each test file's server then starts on a
 * copy of it (e2e/harness.ts `startServer`). Seeding took 5–17 s per file on a loaded CI machine, for the same demo.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory holding the migrated, demo-seeded SQLite database (and its secret key). */
    e2eTemplate: string;
  }
}

export default function setup(project: TestProject) {
  const entry = path.resolve('dist/server/main.js');
  if (!fs.existsSync(entry)) throw new Error('dist/server/main.js is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-e2e-template-'));
  const run = spawnSync(process.execPath, [entry, 'seed', '--demo'], {
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', XQ_JOBS: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`seeding the demo template failed (exit ${run.status})`);
  project.provide('e2eTemplate', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
