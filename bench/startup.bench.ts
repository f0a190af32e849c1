/**
 * What an operator sees of the process: memory when idle and time to the first answer.
 * Runs the production entry point (`node dist/server/main.js serve`) on an empty data
 * directory, with the demo seed off and background jobs on, as `npm start` would.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, percentile, type Bench } from './harness.js';
import { freePort } from '../test/free-port.js';
import { ROOT, stop, waitFor200 } from './processes.js';

const COLD_STARTS = 5;
const IDLE_MS = 3_000;

async function start(dataDir: string, env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', XQ_SEED_DEMO: '0', LOG_LEVEL: 'warn', TRUST_PROXY: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    const ms = await waitFor200(`http://127.0.0.1:${port}/api/v1/health`, child, started);
    return { child, ms };
  } catch (err) {
    await stop(child);
    throw new Error(`${(err as Error).message}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  }
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

const bench: Bench = {
  name: 'startup',
  needsApp: false,
  async run(ctx) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-bench-'));
    try {
      // First start: creates and migrates the database, then idles. If the server cannot
      // serve the built web app, measure it API-only and say so rather than report nothing.
      let env: Record<string, string> = {};
      let note = '';
      let first;
      try {
        first = await start(dataDir, env);
      } catch (err) {
        env = { WEB_DIR: path.join(dataDir, 'no-web') };
        note = `\n\n⚠️ With the built web app (dist/web) the server did not start (${(err as Error).message}); measured without it (WEB_DIR unset).`;
        console.log(`  ${note.trim()}`);
        first = await start(dataDir, env);
      }
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const rss = rssMiB(first.child.pid!);
      await stop(first.child);
      console.log(`  first start (with migrations) ${fmt(first.ms, 0)} ms, idle RSS ${fmt(rss, 1)} MiB`);

      const times: number[] = [];
      for (let i = 0; i < COLD_STARTS; i++) {
        const s = await start(dataDir, env);
        times.push(s.ms);
        await stop(s.child);
      }
      times.sort((a, b) => a - b);
      const median = percentile(times, 50);
      console.log(`  cold start median ${fmt(median, 0)} ms (${times.map((t) => fmt(t, 0)).join(', ')})`);

      ctx.results.target({ label: '空闲内存 RSS / idle RSS', measured: rss, limit: 150, unit: 'MiB', atMost: true });
      ctx.results.target({ label: '冷启动（到首个 200）/ cold start to first 200', measured: median / 1000, limit: 2, unit: 's', atMost: true });
      ctx.results.section(
        '进程 / Process',
        [
          '| 指标 / metric | 实测 / measured |',
          '| --- | ---: |',
          `| idle RSS (VmRSS, ${IDLE_MS / 1000} s after the first 200, empty database, jobs on) | ${fmt(rss, 1)} MiB |`,
          `| cold start, spawn → first 200 on /api/v1/health, median of ${COLD_STARTS} (migrated database) | ${fmt(median, 0)} ms |`,
          `| cold start runs | ${times.map((t) => fmt(t, 0)).join(' / ')} ms |`,
          `| first start on an empty data directory (creates and migrates the database) | ${fmt(first.ms, 0)} ms |`,
        ].join('\n') + note,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
export default bench;
