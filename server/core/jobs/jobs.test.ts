import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import type { App } from '../http/types.js';
import { nowIso } from '../ids.js';
import { createScheduler } from './scheduler.js';
import { pruneJobRuns } from './prune.js';

const t = useTestApp();

/** A second server on the same database, as a second instance behind a load balancer would be. */
let second: { app: App; database: Database };
beforeAll(async () => {
  const database = await openDatabase({ url: (t.app.deps.database as unknown as { url: string }).url, poolSize: 5 });
  const config = loadConfig({}, { jobs: false, webDir: '/nonexistent', logLevel: 'silent', dataDir: '/tmp' });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  second = { app, database };
});
afterAll(async () => {
  await second?.app.close();
  await second?.database.close();
});

const quietLog = { error: () => {} };
const MINUTE = 60_000;
/** Tick instants near the real clock, so the hourly prune job keeps today's history. */
const tickAt = (i: number, interval = MINUTE) => new Date((Math.floor(Date.now() / interval) + 10 + i) * interval + 1234);

describe('scheduler on several instances', () => {
  it('runs a job exactly once per tick when two app instances tick together', async () => {
    const runs: string[] = [];
    const job = (instance: string) => ({
      name: 'test.sweep',
      intervalMs: MINUTE,
      async run({ tick }: { tick: string }) {
        runs.push(`${instance}:${tick}`);
      },
    });
    const a = t.app.deps.scheduler;
    const b = second.app.deps.scheduler;
    a.register(job('a'));
    b.register(job('b'));

    for (let i = 0; i < 6; i++) {
      const now = tickAt(i);
      const [ranA, ranB] = await Promise.all([a.tick(now), b.tick(now)]);
      // Ours ran on exactly one instance; no job (core ones included) ran on both.
      expect([...ranA, ...ranB].filter((n) => n === 'test.sweep')).toHaveLength(1);
      expect(ranA.filter((n) => ranB.includes(n))).toEqual([]);
      // The 15-second delivery job has a new tick every minute, so it ran too, once.
      expect([...ranA, ...ranB].filter((n) => n === 'webhooks.deliver')).toHaveLength(1);
      // The same tick again, on either instance, does nothing.
      expect(await a.tick(now)).toEqual([]);
      expect(await b.runOnce('test.sweep', now)).toBe(false);
    }

    expect(runs).toHaveLength(6);
    expect(new Set(runs.map((r) => r.split(':')[1])).size).toBe(6);
    const rows = await t.db.selectFrom('job_runs').selectAll().where('job', '=', 'test.sweep').execute();
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.finished_at !== null && r.error === null)).toBe(true);
  });

  it('records a failing job’s error, keeps running the other jobs, and shows the failure to the admin', async () => {
    const done: string[] = [];
    const s = t.app.deps.scheduler;
    // A private scheduler on the same database keeps this test's jobs apart from the others'.
    const own = createScheduler(t.db, quietLog);
    own.register({
      name: 'test.fails',
      intervalMs: MINUTE,
      run: async () => {
        throw new Error('煤量数据源不可达');
      },
    });
    own.register({
      name: 'test.after',
      intervalMs: MINUTE,
      run: async ({ tick }) => {
        done.push(tick);
      },
    });

    const ran1 = await own.tick(tickAt(20));
    const ran2 = await own.tick(tickAt(21));
    expect(ran1).toEqual(['test.fails', 'test.after']);
    expect(ran2).toEqual(['test.fails', 'test.after']);
    expect(done).toHaveLength(2);

    const failed = await t.db.selectFrom('job_runs').selectAll().where('job', '=', 'test.fails').execute();
    expect(failed).toHaveLength(2);
    expect(failed.every((r) => r.error === '煤量数据源不可达' && r.finished_at !== null)).toBe(true);

    // The app's own status page reads the same table.
    s.register({
      name: 'test.fails',
      intervalMs: MINUTE,
      run: async () => {
        throw new Error('煤量数据源不可达');
      },
    });
    const admin = await t.user([{ role: 'sysAdmin', org: null }]);
    const status = await admin.get('/api/v1/jobs');
    expect(status.status).toBe(200);
    const row = status.body.items.find((j: any) => j.name === 'test.fails');
    expect(row.lastError).toBe('煤量数据源不可达');
    expect(row.lastFailure.error).toBe('煤量数据源不可达');
    const org = await t.org('状态矿', 'mine');
    const scopedAdmin = await t.user([{ role: 'sysAdmin', org }]);
    expect((await scopedAdmin.get('/api/v1/jobs')).status).toBe(403);
  });

  it('does not start a second run on another instance while the first is still running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = 0;
    let finished = 0;
    const slow = {
      name: 'test.slow',
      intervalMs: 1000,
      async run() {
        started++;
        await gate;
        finished++;
      },
    };
    const a = createScheduler(t.db, quietLog);
    const b = createScheduler(second.database.db, quietLog);
    a.register(slow);
    b.register(slow);

    const first = a.runOnce('test.slow', tickAt(0, 1000));
    while (started === 0) await new Promise((r) => setTimeout(r, 5));
    // The next tick arrives on the other instance while the first run is busy: skipped.
    expect(await b.runOnce('test.slow', tickAt(1, 1000))).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await b.runOnce('test.slow', tickAt(2, 1000))).toBe(true);
    expect([started, finished]).toEqual([2, 2]);
  });

  it('does not let a run orphaned by a crashed instance block the job for ever', async () => {
    const s = createScheduler(t.db, quietLog);
    let runs = 0;
    s.register({
      name: 'test.orphan',
      intervalMs: MINUTE,
      maxRunMs: 5 * MINUTE,
      run: async () => {
        runs++;
      },
    });
    const crashedAt = new Date(Date.now() - 2 * MINUTE).toISOString();
    await t.db.insertInto('job_runs').values({ job: 'test.orphan', tick: 'crashed', started_at: crashedAt, finished_at: null, error: null }).execute();
    expect(await s.runOnce('test.orphan', tickAt(0))).toBe(false);
    await t.db
      .updateTable('job_runs')
      .set({ started_at: new Date(Date.now() - 6 * MINUTE).toISOString() })
      .where('job', '=', 'test.orphan')
      .where('tick', '=', 'crashed')
      .execute();
    expect(await s.runOnce('test.orphan', tickAt(0))).toBe(true);
    expect(runs).toBe(1);
  });

  it('prunes run history older than two weeks but keeps recent runs', async () => {
    const old = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await t.db.insertInto('job_runs').values({ job: 'test.history', tick: 'old', started_at: old, finished_at: old, error: null }).execute();
    await t.db.insertInto('job_runs').values({ job: 'test.history', tick: 'new', started_at: nowIso(), finished_at: nowIso(), error: null }).execute();
    await pruneJobRuns.run({ db: t.db, now: new Date(), tick: 'x' });
    const left = await t.db.selectFrom('job_runs').select('tick').where('job', '=', 'test.history').execute();
    expect(left.map((r) => r.tick)).toEqual(['new']);
  });
});
