/**
 * job_runs gains a row per job per tick (thousands a day); only recent history is worth
 * keeping for the status page and for diagnosing a failure. Stale sign-in failure counts go too.
 */
import type { JobDefinition } from './scheduler.js';

export const KEEP_RUNS_DAYS = 14;

export const pruneJobRuns: JobDefinition = {
  name: 'jobs.prune',
  intervalMs: 60 * 60_000,
  async run({ db, now }) {
    const before = new Date(now.getTime() - KEEP_RUNS_DAYS * 86_400_000).toISOString();
    await db.deleteFrom('job_runs').where('started_at', '<', before).where('finished_at', 'is not', null).execute();
    // Failed sign-ins are forgotten after a day (login-limit.ts); an owner's trusted addresses stay.
    const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
    await db.deleteFrom('login_attempts').where('updated_at', '<', dayAgo).where('trusted', '=', 0).execute();
  },
};
