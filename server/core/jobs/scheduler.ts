/**
 * DB-backed job scheduler. A job runs once per tick (its interval's time bucket). Before
 * running, an instance inserts (job, tick) into job_runs; the primary key lets exactly one
 * instance win, on SQLite and PostgreSQL alike, so several servers on one database never
 * run the same sweep twice. Jobs themselves must still be idempotent: a tick that crashed
 * half-way is not retried, the next tick picks up what is left.
 *
 * A run that outlasts its interval would otherwise overlap the next tick's run on another
 * instance (two sweeps over the same rows at once); a tick is therefore skipped while an
 * earlier run of the same job is unfinished and younger than the job's `maxRunMs`. The age
 * limit keeps a run orphaned by a crashed instance from blocking the job for ever.
 */
import type { Db } from '../db/database.js';
import { nowIso } from '../ids.js';

export interface JobContext {
  db: Db;
  /** The time the tick stands for (tests pass a fixed one). */
  now: Date;
  tick: string;
  /** Where uploaded files live (config.dataDir); a sweep of files needs it. */
  dataDir?: string;
}

export interface JobDefinition {
  name: string;
  intervalMs: number;
  /** How long a run may take before it counts as orphaned (default 10 minutes). */
  maxRunMs?: number;
  run(ctx: JobContext): Promise<void>;
}

export interface JobStatus {
  name: string;
  intervalMs: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** Error of the latest run (null when it succeeded or is still running). */
  lastError: string | null;
  /** The latest failed run, kept visible after later runs succeed. */
  lastFailure: { at: string; error: string } | null;
}

export interface Scheduler {
  register(job: JobDefinition): void;
  jobs(): JobDefinition[];
  /** Runs every job due at `now`; returns the names this instance ran. */
  tick(now?: Date): Promise<string[]>;
  /** Runs one job for the tick containing `now`, if no instance has yet. */
  runOnce(name: string, now?: Date): Promise<boolean>;
  status(): Promise<JobStatus[]>;
  start(): void;
  stop(): Promise<void>;
}

export const DEFAULT_MAX_RUN_MS = 10 * 60_000;
export const TICK_EVERY_MS = 15_000;

type Log = { error: (o: object, msg: string) => void; debug?: (o: object, msg: string) => void };

/** XQ_TICK_MS shortens the timer (the scale-out suite); job intervals, and so ticks, stay as declared. */
function tickEveryMs() {
  const ms = Number(process.env.XQ_TICK_MS);
  return ms > 0 ? ms : TICK_EVERY_MS;
}

export function createScheduler(db: Db, log: Log = console, opts: { dataDir?: string } = {}): Scheduler {
  const registry = new Map<string, JobDefinition>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  const tickKey = (job: JobDefinition, now: Date) => String(Math.floor(now.getTime() / job.intervalMs));

  async function stillRunning(job: JobDefinition) {
    const since = new Date(Date.now() - (job.maxRunMs ?? DEFAULT_MAX_RUN_MS)).toISOString();
    const row = await db
      .selectFrom('job_runs')
      .select('tick')
      .where('job', '=', job.name)
      .where('finished_at', 'is', null)
      .where('started_at', '>', since)
      .executeTakeFirst();
    return row !== undefined;
  }

  async function runOnce(name: string, now = new Date()): Promise<boolean> {
    const job = registry.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    const tick = tickKey(job, now);
    if (await stillRunning(job)) return false;
    const claimed = await db
      .insertInto('job_runs')
      .values({ job: name, tick, started_at: nowIso(), finished_at: null, error: null })
      .onConflict((oc) => oc.columns(['job', 'tick']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    // Lets an operator (and the scale-out suite) see which instance ran which tick.
    log.debug?.({ job: name, tick }, 'job claimed');
    let error: string | null = null;
    try {
      await job.run({ db, now, tick, dataDir: opts.dataDir });
    } catch (err) {
      log.error({ err, job: name }, 'job failed');
      error = String((err as Error)?.message ?? err).slice(0, 500) || 'error';
    }
    await db
      .updateTable('job_runs')
      .set({ finished_at: nowIso(), error })
      .where('job', '=', name)
      .where('tick', '=', tick)
      .execute()
      .catch((err) => log.error({ err, job: name }, 'job finish not recorded'));
    return true;
  }

  async function tick(now = new Date()) {
    const ran: string[] = [];
    // One job's failure (or a failed claim) must not keep the others from running.
    for (const job of registry.values()) {
      try {
        if (await runOnce(job.name, now)) ran.push(job.name);
      } catch (err) {
        log.error({ err, job: job.name }, 'job claim failed');
      }
    }
    return ran;
  }

  async function status(): Promise<JobStatus[]> {
    const out: JobStatus[] = [];
    for (const job of registry.values()) {
      const last = await db
        .selectFrom('job_runs')
        .select(['started_at', 'finished_at', 'error'])
        .where('job', '=', job.name)
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const failed = await db
        .selectFrom('job_runs')
        .select(['started_at', 'error'])
        .where('job', '=', job.name)
        .where('error', 'is not', null)
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      out.push({
        name: job.name,
        intervalMs: job.intervalMs,
        lastStartedAt: last?.started_at ?? null,
        lastFinishedAt: last?.finished_at ?? null,
        lastError: last?.error ?? null,
        lastFailure: failed ? { at: failed.started_at, error: failed.error! } : null,
      });
    }
    return out;
  }

  return {
    register(job) {
      if (!(job.intervalMs > 0)) throw new Error(`job ${job.name} needs a positive interval`);
      registry.set(job.name, job);
    },
    jobs: () => [...registry.values()],
    tick,
    runOnce,
    status,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        // A tick still busy when the timer fires again is not queued behind: the next
        // timer tick will cover whatever became due.
        if (running) return;
        running = tick()
          .catch(() => {})
          .finally(() => {
            running = null;
          });
      }, tickEveryMs());
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
