/**
 * The built server as a real child process (`node dist/server/main.js serve`), as an
 * operator runs it: started, killed with SIGKILL, stopped with SIGTERM, and the CLI
 * (`backup`, `restore`, `users`) run beside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../free-port.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MAIN = path.join(ROOT, 'dist/server/main.js');

export function requireBuild() {
  if (!fs.existsSync(MAIN)) {
    throw new Error(
      'dist/server/main.js 不存在：可靠性测试运行编译后的服务，请先执行 `npm run build`（npm test 会先构建）。\n' +
        'dist/server/main.js is missing: the reliability suites run the built server; run `npm run build` first (npm test does).',
    );
  }
}

/** The environment of a child: quiet, no demo seed, no jobs unless asked; nothing of the test runner's database settings. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'TRUST_PROXY', 'SECURE_COOKIES', 'XQ_JOBS', 'XQ_TICK_MS', 'LOG_LEVEL', 'WEB_DIR'])
    delete base[k];
  for (const k of Object.keys(base)) if (k.startsWith('XQ_WRITE_LIMIT')) delete base[k];
  return { ...base, XQ_SEED_DEMO: '0', LOG_LEVEL: 'warn', XQ_JOBS: '0', ...env };
}

export interface XqServer {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr), newest last, capped. */
  output(): string;
  alive(): boolean;
  kill9(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

export async function startXq(env: Record<string, string>, timeoutMs = 60_000): Promise<XqServer> {
  requireBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const server: XqServer = {
    url,
    port,
    pid: child.pid!,
    child,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill9() {
      if (server.alive()) child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (server.alive()) child.kill('SIGTERM');
      await exited(child);
      // A graceful stop that fails says why: the server's last words go to the test's output.
      if (child.exitCode !== 0) console.error(`[xq serve exited ${child.exitCode ?? child.signalCode}]\n${out.slice(-4000)}`);
      return child.exitCode;
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!server.alive()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering:\n${out.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill9();
      throw new Error(`server did not answer /api/v1/health within ${timeoutMs} ms:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One CLI command (`xq backup …`, `xq restore …`) to completion. */
export function runXq(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
