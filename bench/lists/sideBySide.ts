/**
 * The side-by-side workloads (issue #16), before and after a change, interleaved in one
 * run on the same rows: the filtered inbox (status + org, a page of 20 and its total) and the
 * intake (create an appeal), at 10 000 and 100 000 appeals; then the memory the streamed export
 * takes (the server's peak RSS over its resting RSS) at each size.
 *
 *   git worktree add --detach ../lists-before <commit> && ln -s <main>/node_modules ../lists-before/node_modules
 *   npx tsx bench/lists/sideBySide.ts ../lists-before [counts, default 10000,100000] [seconds, default 8] [rounds, default 2]
 *
 * Each tree runs its own bench/lists/server.ts (the real app, request logging on at `info`) on
 * its own copy of the data file (bench/appeals/data.ts, cached in bench/.data/). Prints a
 * Markdown table; asserts nothing. The NocoBase figures are quoted for the ratio only:
 * NocoBase is not installable here, so they come from the issue, not from this run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { fmt, machine, measure, send } from '../harness.js';
import { ROOT, stop } from '../processes.js';
import { appealsDataFile, PASSWORD } from '../appeals/data.js';

const beforeRoot = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(path.join(beforeRoot, 'bench/lists/server.ts')))
  throw new Error('usage: sideBySide.ts <worktree of the commit before> [counts] [seconds] [rounds]');
const counts = (process.argv[3] ?? '10000,100000').split(',').map(Number);
const seconds = Number(process.argv[4] ?? 8);
const rounds = Number(process.argv[5] ?? 2);
const m = machine();
const log = (s: string) => console.log(s);
log(`lists side by side: ${counts.join(', ')} appeals, ${seconds} s per step, ${rounds} rounds, ${m.nproc} × ${m.cpu}, load ${fmt(os.loadavg()[0], 2)}`);

/** From the issue (NocoBase 2.2.15, SQLite, WAL, 64-thread pool; same kind of machine): req/s. */
const NOCOBASE: Record<number, { list: [number, number]; create: [number, number] }> = {
  10_000: { list: [135, 141], create: [173, 189] },
  100_000: { list: [61, 61], create: [231, 240] },
};

interface Server {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
}

async function startApp(name: string, root: string, file: string): Promise<Server> {
  const logFile = fs.openSync(path.join(ROOT, `bench/.data/side-${name}.log`), 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/lists/server.ts'), file], {
    cwd: root,
    env: { ...process.env, TRUST_PROXY: '1', XQ_JOBS: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', logFile, 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.once('message', (msg: any) => resolve(msg.port));
  });
  child.removeAllListeners('exit');
  return { name, url: `http://127.0.0.1:${port}`, pid: child.pid!, child };
}

let clients = 0;
async function signIn(url: string, username: string) {
  // Each sign-in from its own address: sign-ins are rate-limited per address.
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': `10.78.${Math.floor(++clients / 250)}.${clients % 250}` };
  const res = await send(url, { method: 'POST', path: '/api/v1/auth/login', headers, body: JSON.stringify({ login: username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('xq_sid='))!;
  return { cookie, csrf: JSON.parse(res.body).csrfToken as string };
}

const rssKb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** The export's rows and the server's peak RSS above its resting RSS while it streams, sampled every 10 ms. */
async function exportMemory(s: Server, cookie: string) {
  const rest = rssKb(s.pid, 'VmRSS');
  let peak = rest;
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(s.pid, 'VmRSS'))), 10);
  const started = performance.now();
  const res = await send(s.url, { path: '/api/v1/appeals/export.csv', headers: { cookie } });
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, rssKb(s.pid, 'VmRSS'));
  if (res.status !== 200) throw new Error(`export: ${res.status} ${res.body.slice(0, 200)}`);
  return { rows: res.body.split('\r\n').length - 2, restMb: rest / 1024, peakMb: peak / 1024, growthMb: (peak - rest) / 1024, seconds: ms / 1000 };
}

const table: string[] = [];
const memory: string[] = [];
for (const count of counts) {
  const { file, data } = await appealsDataFile('L', path.join(ROOT, 'bench/.data/L.sqlite'), count);
  const raw = new Database(file, { readonly: true });
  const group = raw
    .prepare(`select o.path from role_grants g join accounts a on a.id = g.account_id join orgs o on o.id = g.org_id where a.username = 'bench.staff'`)
    .get() as { path: string };
  const mine = raw
    .prepare(`select id, path from orgs where kind = 'mine' and path > ? and path < ? order by path limit 1`)
    .get(group.path, group.path + '\uffff') as { id: string };
  const texts = raw.prepare(`select title, description, category from appeals order by submitted_at desc limit 200`).all() as {
    title: string;
    description: string;
    category: string;
  }[];
  raw.close();
  const servers: Server[] = [];
  for (const [name, root] of [
    ['before', beforeRoot],
    ['after', ROOT],
  ] as const) {
    const copy = path.join(ROOT, `bench/.data/side-${name}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
    fs.copyFileSync(file, copy);
    servers.push(await startApp(name, root, copy));
  }
  const figures = new Map<string, { list: number[]; create: number[]; listP50: number[] }>();
  try {
    const sessions = new Map<string, { staff: { cookie: string }; submitters: { cookie: string; csrf: string }[] }>();
    for (const s of servers)
      sessions.set(s.name, { staff: await signIn(s.url, data.staff), submitters: await Promise.all(data.submitters.map((u) => signIn(s.url, u))) });
    const listPath = `/api/v1/appeals?${new URLSearchParams({ status: 'handling', orgId: mine.id, page: '1', pageSize: '20' })}`;
    for (let r = 0; r < rounds; r++) {
      for (const s of r % 2 ? [...servers].reverse() : servers) {
        const f = figures.get(s.name) ?? { list: [], create: [], listP50: [] };
        figures.set(s.name, f);
        const ses = sessions.get(s.name)!;
        const list = await measure('filtered list', {
          baseUrl: s.url,
          serverPid: s.pid,
          requests: [{ path: listPath, headers: { cookie: ses.staff.cookie, accept: 'application/json' } }],
          duration: seconds,
          warmup: 1,
          sequential: 30,
        });
        const create = await measure('create', {
          baseUrl: s.url,
          serverPid: s.pid,
          duration: seconds,
          warmup: 1,
          sequential: 10,
          requests: (i) => {
            const who = ses.submitters[i % ses.submitters.length];
            const t = texts[i % texts.length];
            return {
              method: 'POST',
              path: '/api/v1/appeals',
              headers: {
                cookie: who.cookie,
                'x-csrf-token': who.csrf,
                'content-type': 'application/json',
                accept: 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify({ category: t.category, title: t.title, description: t.description }),
            };
          },
        });
        if (list.non2xx || create.non2xx) log(`  ${s.name}: non-2xx list ${list.non2xx} create ${create.non2xx} ${JSON.stringify(create.statusCodes)}`);
        f.list.push(list.rps);
        f.listP50.push(list.median);
        f.create.push(create.rps);
        log(`  ${count} ${s.name} round ${r + 1}: list ${fmt(list.rps, 0)} req/s (p50 ${fmt(list.median, 2)} ms), create ${fmt(create.rps, 0)} req/s`);
      }
    }
    const after = servers.find((s) => s.name === 'after')!;
    const mem = await exportMemory(after, sessions.get('after')!.staff.cookie);
    memory.push(
      `| ${count.toLocaleString('en-US')} | ${mem.rows.toLocaleString('en-US')} | ${fmt(mem.restMb, 0)} | ${fmt(mem.peakMb, 0)} | ${fmt(mem.growthMb, 0)} | ${fmt(mem.seconds, 1)} |`,
    );
  } finally {
    for (const s of servers) await stop(s.child);
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const b = figures.get('before')!;
  const a = figures.get('after')!;
  const nb = NOCOBASE[count];
  const vs = (x: number, range?: [number, number]) => (range ? `${fmt(x / range[1], 2)}–${fmt(x / range[0], 2)}` : '—');
  table.push(
    `| filtered list (status + org), page of 20 + total | ${count.toLocaleString('en-US')} | ${fmt(avg(b.list), 0)} | ${fmt(avg(a.list), 0)} | ${fmt(avg(a.list) / avg(b.list), 2)} | ${fmt(avg(a.listP50), 2)} | ${nb ? nb.list.join('–') : '—'} | ${vs(avg(a.list), nb?.list)} |`,
  );
  table.push(
    `| create an appeal (the full intake) | ${count.toLocaleString('en-US')} | ${fmt(avg(b.create), 0)} | ${fmt(avg(a.create), 0)} | ${fmt(avg(a.create) / avg(b.create), 2)} | — | ${nb ? nb.create.join('–') : '—'} | ${vs(avg(a.create), nb?.create)} |`,
  );
}

log(
  `\n## Lists side by side (${new Date().toISOString().slice(0, 16)} UTC; ${m.nproc} × ${m.cpu}; load ${os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(' / ')})\n`,
);
log('| workload | appeals | before req/s | after req/s | after ÷ before | after p50 ms (one at a time) | NocoBase req/s (issue) | after ÷ NocoBase |');
log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of table) log(line);
log('\nStreamed export (.csv, the whole inbox up to the 50 000-row export limit), server RSS:\n');
log('| appeals | rows | resting MB | peak MB | growth MB | seconds |');
log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of memory) log(line);
