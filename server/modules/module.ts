import type { Migration } from 'kysely';
import type { Db } from '../core/db/database.js';
import type { App } from '../core/http/types.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';

/** What a practice module hands the composition root. */
export interface XqModule {
  name: string;
  migrations?: Record<string, Migration>;
  routes?(app: App): Promise<void>;
  jobs?: JobDefinition[];
  /**
   * Adds this module's demo records after the core demo (orgs, people, accounts) exists.
   * Finds what it needs by querying (e.g. accounts by demo username). `now` is the seed's clock.
   */
  seedDemo?(db: Db, now: Date): Promise<void>;
}

export function moduleMigrations(modules: XqModule[]): Record<string, Migration> {
  return Object.assign({}, ...modules.map((m) => m.migrations ?? {}));
}
