/**
 * DB-backed job scheduler. A job runs once per tick (its interval's time bucket). Before
 * running, an instance inserts (job, tick) into job_runs; the primary key lets exactly one
 * instance win, on SQLite and PostgreSQL alike, so several servers on one database never
 * run the same sweep twice. Jobs themselves must still be idempotent: a tick that crashed
 * half-way is not retried, the next tick picks up what is left.
 */
import type { Db } from '../db/database.js';
import { nowIso } from '../ids.js';

export interface JobContext {
  db: Db;
  /** The time the tick stands for (tests pass a fixed one). */
  now: Date;
  tick: string;
}

export interface JobDefinition {
  name: string;
  intervalMs: number;
  run(ctx: JobContext): Promise<void>;
}

export interface Scheduler {
  register(job: JobDefinition): void;
  jobs(): JobDefinition[];
  /** Runs every job due at `now`; returns the names this instance ran. */
  tick(now?: Date): Promise<string[]>;
  /** Runs one job for the tick containing `now`, if no instance has yet. */
  runOnce(name: string, now?: Date): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(db: Db, log: { error: (o: object, msg: string) => void } = console): Scheduler {
  const registry = new Map<string, JobDefinition>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const tickKey = (job: JobDefinition, now: Date) => String(Math.floor(now.getTime() / job.intervalMs));

  async function runOnce(name: string, now = new Date()): Promise<boolean> {
    const job = registry.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    const tick = tickKey(job, now);
    const claimed = await db
      .insertInto('job_runs')
      .values({ job: name, tick, started_at: nowIso(), finished_at: null, error: null })
      .onConflict((oc) => oc.columns(['job', 'tick']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    try {
      await job.run({ db, now, tick });
      await db.updateTable('job_runs').set({ finished_at: nowIso() }).where('job', '=', name).where('tick', '=', tick).execute();
    } catch (err) {
      log.error({ err, job: name }, 'job failed');
      await db
        .updateTable('job_runs')
        .set({ finished_at: nowIso(), error: String((err as Error)?.message ?? err).slice(0, 500) })
        .where('job', '=', name)
        .where('tick', '=', tick)
        .execute()
        .catch(() => {});
    }
    return true;
  }

  async function tick(now = new Date()) {
    const ran: string[] = [];
    for (const job of registry.values()) {
      try {
        if (await runOnce(job.name, now)) ran.push(job.name);
      } catch (err) {
        log.error({ err, job: job.name }, 'job claim failed');
      }
    }
    return ran;
  }

  return {
    register(job) {
      registry.set(job.name, job);
    },
    jobs: () => [...registry.values()],
    tick,
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(() => tick()).catch(() => {});
      }, 15_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
