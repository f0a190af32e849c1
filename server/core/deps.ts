import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Scheduler } from './jobs/scheduler.js';

/** Long-lived services shared by every route, job and CLI command. */
export interface AppDeps {
  config: Config;
  database: Database;
  scheduler: Scheduler;
}
