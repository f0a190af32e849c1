/**
 * The shared benchmark harness: `measure()` drives one endpoint (autocannon for
 * throughput, then a sequential pass for unloaded median and p95), `ratio()` compares
 * with the bare baselines of the same run, and `Results` collects sections and targets
 * that `writeResults()` renders into bench/RESULTS.md.
 *
 * A benchmark file `bench/<name>.bench.ts` default-exports a `Bench`; run.ts finds it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import type { Generated, Scale } from './generate.js';

export interface Req {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface MeasureOptions {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /**
   * A fixed list (cycled; autocannon builds each once, so the client stays cheap) or a
   * function called for every request (when each must differ, e.g. its client address).
   */
  requests: Req[] | ((i: number) => Req);
  /** Load phase length in seconds. */
  duration?: number;
  connections?: number;
  /** Seconds of load before anything is recorded, so the JIT and caches are warm. */
  warmup?: number;
  /** Requests in the one-at-a-time latency pass. */
  sequential?: number;
  /** The server's process id, to report how busy it was under load (Linux). */
  serverPid?: number;
}

export interface Measurement {
  name: string;
  /** Successful (2xx) responses per second under load. */
  rps: number;
  /** One request at a time, keep-alive: the latency a single user sees. */
  median: number;
  p95: number;
  /** Latency under load (autocannon's percentiles). */
  loadP50: number;
  loadP97_5: number;
  ok: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Server process CPU during the load phase, in % of one core (null when unknown). */
  serverCpu: number | null;
  /** CPU used by everything else on the machine (not the server, not this runner) meanwhile, in % of one core. */
  otherCpu: number | null;
  duration: number;
  connections: number;
  sequential: number;
}

export const DEFAULTS = {
  duration: Number(process.env.BENCH_DURATION ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 2),
  sequential: Number(process.env.BENCH_SEQUENTIAL ?? 500),
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function ratio(a: number, b: number): number {
  return b === 0 ? NaN : a / b;
}

/** One request and its full response, timed. */
export function send(baseUrl: string, req: Req, agent?: http.Agent): Promise<{ status: number; ms: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(req.path, baseUrl);
  const body = req.body ?? '';
  const headers: Record<string, string | number> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const r = http.request(url, { method: req.method ?? 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
      );
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

function load(baseUrl: string, requests: Req[] | ((i: number) => Req), seconds: number, connections: number) {
  const toAc = (r: Req) => ({ method: r.method ?? 'GET', path: r.path, headers: { ...r.headers }, body: r.body });
  if (Array.isArray(requests)) return autocannon({ url: baseUrl, connections, duration: seconds, requests: requests.map(toAc) });
  let i = 0;
  return autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ ...toAc(requests(i++)), setupRequest: (req) => ({ ...req, ...toAc(requests(i++)) }) }],
  });
}

export async function measure(name: string, opts: MeasureOptions): Promise<Measurement> {
  const duration = opts.duration ?? DEFAULTS.duration;
  const connections = opts.connections ?? DEFAULTS.connections;
  const warmup = opts.warmup ?? DEFAULTS.warmup;
  const count = opts.sequential ?? DEFAULTS.sequential;

  const nth = (i: number) => (Array.isArray(opts.requests) ? opts.requests[i % opts.requests.length] : opts.requests(i));
  const probe = await send(opts.baseUrl, nth(0));
  if (probe.status < 200 || probe.status >= 300) throw new Error(`${name}: first request answered ${probe.status}: ${probe.body.slice(0, 300)}`);
  if (warmup > 0) await load(opts.baseUrl, opts.requests, warmup, connections);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await send(opts.baseUrl, nth(i), agent);
    if (res.status < 200 || res.status >= 300) throw new Error(`${name}: sequential request ${i} answered ${res.status}: ${res.body.slice(0, 300)}`);
    times.push(res.ms);
  }
  agent.destroy();
  times.sort((a, b) => a - b);

  const cpu0 = cpuSeconds(opts.serverPid);
  const machine0 = machineCpuSeconds();
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await load(opts.baseUrl, opts.requests, duration, connections);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(opts.serverPid);
  const machine1 = machineCpuSeconds();
  const self = process.cpuUsage(self0);
  const serverCpu = cpu0 === null || cpu1 === null ? null : ((cpu1 - cpu0) / elapsed) * 100;
  const otherCpu =
    serverCpu === null || machine0 === null || machine1 === null
      ? null
      : Math.max(0, ((machine1 - machine0) / elapsed) * 100 - serverCpu - ((self.user + self.system) / 1e6 / elapsed) * 100);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  const m: Measurement = {
    name,
    rps: result['2xx'] / result.duration,
    median: percentile(times, 50),
    p95: percentile(times, 95),
    loadP50: result.latency.p50,
    loadP97_5: result.latency.p97_5,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
    serverCpu,
    otherCpu,
    duration,
    connections,
    sequential: count,
  };
  console.log(
    `  ${name}: ${fmt(m.rps, 0)} req/s, median ${fmt(m.median, 2)} ms, p95 ${fmt(m.p95, 2)} ms, server CPU ${pct(m.serverCpu)}, other CPU ${pct(m.otherCpu)}${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ''}`,
  );
  return m;
}

/** User + system CPU seconds a process has used so far (Linux /proc; ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has spent busy (Linux /proc/stat, all cores). */
export function machineCpuSeconds(): number | null {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

export interface Target {
  label: string;
  measured: number | null;
  limit: number;
  unit: string;
  /** Which side of the limit is good. */
  atMost: boolean;
}

export const met = (t: Target) => t.measured !== null && Number.isFinite(t.measured) && (t.atMost ? t.measured <= t.limit : t.measured >= t.limit);

export interface Baselines {
  constant: Measurement;
  pointSelect: Measurement;
}

/** What a run found, in the order the benchmarks reported it. */
export class Results {
  readonly measurements: Measurement[] = [];
  readonly targets: Target[] = [];
  readonly sections: { title: string; body: string }[] = [];
  baselines?: Baselines;
  data?: { scale: Scale; generated: Generated; ms: number };
  loadAverage?: { start: number; end: number };

  add(m: Measurement) {
    this.measurements.push(m);
    return m;
  }
  target(t: Target) {
    this.targets.push(t);
  }
  section(title: string, body: string) {
    this.sections.push({ title, body });
  }
}

const pct = (v: number | null) => (v === null ? '—' : `${fmt(v, 0)} %`);

export function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    nproc: os.availableParallelism(),
    cpu: model,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function renderResults(r: Results, startedAt: Date): string {
  const m = machine();
  const b = r.baselines;
  const lines: string[] = [];
  lines.push('# 基准测试结果 / Benchmark results', '');
  lines.push(`由 \`npm run bench\` 生成，请勿手工修改。 Written by \`npm run bench\`; do not edit by hand.`, '');
  lines.push(`- 日期 / date: ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  lines.push(`- 机器 / machine: ${m.nproc} × ${m.cpu} (nproc ${m.nproc}), ${fmt(m.memoryGiB, 1)} GiB RAM, ${m.os}`);
  lines.push(`- Node.js ${m.node}; SQLite (better-sqlite3, WAL; the app flushes by group commit, core/db/wal-sync.ts)`);
  if (r.loadAverage) {
    const nice = os.getPriority();
    lines.push(
      `- 系统负载 / load average (1 min) at start ${fmt(r.loadAverage.start, 2)} (includes the build just before), at end ${fmt(r.loadAverage.end, 2)}` +
        (nice !== 0 ? `; the benchmark ran at nice ${nice}` : ''),
    );
  }
  if (r.data) {
    const g = r.data.generated;
    const n = (x: number) => x.toLocaleString('en-US');
    lines.push(
      `- 数据规模 / scale **${r.data.scale}**: ${n(g.orgCount)} org nodes, ${n(g.persons.length)} people ` +
        `(${n(g.workers.length)} workers in ${n(g.groups.length)} groups / ${n(g.mines.length)} mines / ${n(g.departments.length)} departments / ${n(g.teams.length)} teams; ` +
        `${n(g.schools.length)} schools with ${n(g.classes.length)} classes: ${n(g.teachers.length)} teachers, ${n(g.students.length)} students, ${n(g.guardians.length)} guardians), generated in ${fmt(r.data.ms / 1000, 1)} s`,
    );
  }
  const load = r.measurements[0];
  if (load)
    lines.push(
      `- 负载 / load: autocannon, ${load.connections} connections × ${fmt(load.duration, 0)} s per endpoint after a warm-up; latency median/p95 from a separate sequential pass (one request at a time, keep-alive)`,
    );
  lines.push('');

  lines.push('## 目标 / Targets', '');
  lines.push('| 目标 / target | 要求 / limit | 实测 / measured | 结论 / verdict |', '| --- | --- | --- | --- |');
  for (const t of r.targets) {
    lines.push(
      `| ${t.label} | ${t.atMost ? '≤' : '≥'} ${fmt(t.limit, t.limit < 10 ? 1 : 0)} ${t.unit} | ${t.measured === null ? '未测 / not measured' : `${fmt(t.measured, t.measured < 10 ? 2 : 1)} ${t.unit}`} | ${met(t) ? '✅ 达到 / met' : '❌ 未达到 / not met'} |`,
    );
  }
  lines.push('');

  lines.push('## 吞吐与延迟 / Throughput and latency', '');
  lines.push(
    '| 接口 / endpoint | req/s | median ms | p95 ms | under load p50 / p97.5 ms ¹ | server CPU ² | other CPU ³ | req/s vs bare constant | req/s vs bare point select | median vs bare point select | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const x of r.measurements) {
    const vsConst = b ? `${fmt(ratio(x.rps, b.constant.rps) * 100, 1)} %` : '—';
    const vsPoint = b ? `${fmt(ratio(x.rps, b.pointSelect.rps) * 100, 1)} %` : '—';
    const latency = b ? `${fmt(ratio(x.median, b.pointSelect.median), 1)} ×` : '—';
    lines.push(
      `| ${x.name} | ${fmt(x.rps, 0)} | ${fmt(x.median, 2)} | ${fmt(x.p95, 2)} | ${fmt(x.loadP50, 0)} / ${fmt(x.loadP97_5, 0)} | ${pct(x.serverCpu)} | ${pct(x.otherCpu)} | ${vsConst} | ${vsPoint} | ${latency} | ${x.non2xx + x.errors} |`,
    );
  }
  lines.push('');
  lines.push(
    '¹ autocannon records whole milliseconds. ² CPU of the server process during the load phase, in % of one core (GC and libuv ' +
      'threads can take it past 100 %). ³ CPU used meanwhile by other processes on the machine, in % of one core: noise when well above zero.',
  );
  lines.push('');
  for (const s of r.sections) lines.push(`## ${s.title}`, '', s.body.trim(), '');
  return lines.join('\n');
}

/** Sections below this line belong to other scripts (appeals similarity, load): kept as they are. */
const OWN_END = '<!-- end of the npm run bench part; sections below are written by their own scripts -->';

export function writeResults(file: string, r: Results, startedAt: Date) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = existing.indexOf(OWN_END);
  const others = at >= 0 ? existing.slice(at + OWN_END.length).trim() : '';
  fs.writeFileSync(file, `${renderResults(r, startedAt).trimEnd()}\n\n${OWN_END}\n${others ? `\n${others}\n` : ''}`);
}

/**
 * Writes (or replaces) one `## heading` section of bench/RESULTS.md below the `npm run bench`
 * part, for the scripts that measure on their own (appeals similarity, mixed load).
 */
export function writeResultsSection(file: string, heading: string, body: string) {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# 基准测试结果 / Benchmark results\n';
  const start = existing.indexOf(heading);
  let next: string;
  if (start < 0) next = `${existing.trimEnd()}\n\n${heading}\n\n${body}`;
  else {
    const after = existing.indexOf('\n## ', start + heading.length);
    next = `${existing.slice(0, start)}${heading}\n\n${body.trimEnd()}\n${after < 0 ? '' : existing.slice(after)}`;
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

/** What a benchmark file gets from run.ts. */
export interface BenchContext {
  scale: Scale;
  generated: Generated;
  /** The run's SQLite file, for benchmarks that add their own data before measuring (set by run.ts). */
  dbFile?: string;
  /** The real app (dist build, SQLite, logger and jobs off) over the generated data; present when `needsApp`. */
  appUrl: string;
  appPid: number;
  /** An account per role the benchmarks drive, all with `password`. */
  accounts: { staff: { username: string; password: string } };
  baselines: Baselines;
  results: Results;
}

export interface Bench {
  name: string;
  /** Runs while the app server is up; otherwise after it has stopped (startup, memory). */
  needsApp: boolean;
  run(ctx: BenchContext): Promise<void>;
}

/** Signs in and returns the session cookie header. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await send(baseUrl, {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.body.slice(0, 200)}`);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('xq_sid='));
  if (!cookie) throw new Error('login returned no session cookie');
  return cookie;
}
