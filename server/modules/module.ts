import type { Migration } from 'kysely';
import type { App } from '../core/http/types.js';
import type { JobDefinition } from '../core/jobs/scheduler.js';

/** What a practice module hands the composition root. */
export interface XqModule {
  name: string;
  migrations?: Record<string, Migration>;
  routes?(app: App): Promise<void>;
  jobs?: JobDefinition[];
}

export function moduleMigrations(modules: XqModule[]): Record<string, Migration> {
  return Object.assign({}, ...modules.map((m) => m.migrations ?? {}));
}
