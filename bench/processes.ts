/**
 * Server processes for the benchmarks. Every server under test runs in its own process,
 * so autocannon (in the runner's process) never shares an event loop with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `bench/servers/<script>.ts` under tsx; the script listens on a free port and
 * reports it over IPC with `{ port }`.
 */
export function startServer(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/servers', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
    child.once('message', (msg: any) => {
      child.removeAllListeners('exit');
      resolve({ url: `http://127.0.0.1:${msg.port}`, pid: child.pid!, stop: () => stop(child) });
    });
  });
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Polls until `url` answers 200; returns the milliseconds since `since`. */
export async function waitFor200(url: string, child: ChildProcess, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {}
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
