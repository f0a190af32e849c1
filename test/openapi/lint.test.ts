/**
 * The API document passes Redocly's recommended lint with no errors, the check OpenAPI
 * tooling (client generators, portals) applies before trusting a document.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { useTestApp } from '../app.js';

const t = useTestApp();
const CLI = path.resolve('node_modules/.bin/redocly');

it('the OpenAPI document lints with 0 errors under @redocly/cli', async () => {
  expect(fs.existsSync(CLI), 'devDependency @redocly/cli is not installed: run npm install').toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(t.app.swagger()));
    // No telemetry and no update check: the lint must not reach the network.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' };
    const result = await promisify(execFile)(CLI, ['lint', file, '--format=summary'], { env, timeout: 110_000 }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
    );
    expect(result.output).not.toMatch(/^error\s/m);
    expect(result.code, result.output).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
