/**
 * Core feature plugins that follow the module shape (routes + jobs). Auth, org and
 * health are registered by app.ts directly because everything else depends on them.
 */
import type { App } from './http/types.js';
import type { JobDefinition } from './jobs/scheduler.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { notifyRoutes } from './notify/notify.routes.js';
import { deliverWebhooks } from './notify/notify.jobs.js';
import { jobsRoutes } from './jobs/jobs.routes.js';
import { pruneJobRuns } from './jobs/prune.js';
import { auditRoutes } from './audit/audit.routes.js';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { importsRoutes } from './imports/imports.routes.js';
import { expireImportBatches } from './imports/imports.jobs.js';
import { indicatorsRoutes } from './indicators/indicators.routes.js';
import { filesRoutes } from './files/files.routes.js';
import { sweepFiles } from './files/files.jobs.js';
import { adoptLegacyFiles } from './files/legacy.js';
import type { IndicatorDefinition } from './indicators/indicator.js';
import { decidedItemsRoutes } from './decidedItems/decidedItems.routes.js';
import { decidedItemJobs } from './decidedItems/decidedItems.jobs.js';
import { decidedItemIndicators } from './decidedItems/decidedItems.indicators.js';

export interface CorePlugin {
  name: string;
  routes(app: App): Promise<void>;
  /** Runs once as the app is built, before any route answers (files: adopt bytes stored in older layouts). */
  start?(app: App): Promise<void>;
  jobs?: JobDefinition[];
  /** Keyed 'core.<name>'; registered with the modules' (compose.ts). */
  indicators?: IndicatorDefinition[];
}

export const corePlugins: CorePlugin[] = [
  { name: 'calendar', routes: calendarRoutes },
  { name: 'notify', routes: notifyRoutes, jobs: [deliverWebhooks] },
  { name: 'jobs', routes: jobsRoutes, jobs: [pruneJobRuns] },
  { name: 'audit', routes: auditRoutes },
  { name: 'accounts', routes: accountsRoutes },
  { name: 'people', routes: peopleRoutes },
  { name: 'imports', routes: importsRoutes, jobs: [expireImportBatches] },
  { name: 'indicators', routes: indicatorsRoutes },
  {
    name: 'files',
    routes: filesRoutes,
    start: async (app) => {
      const adopted = await adoptLegacyFiles(app.deps.database.db, app.deps.config.dataDir);
      if (adopted) app.log.info({ adopted }, 'files: moved attachments and photos of the old layout into core/files');
    },
    jobs: [sweepFiles],
  },
  { name: 'decidedItems', routes: decidedItemsRoutes, jobs: decidedItemJobs, indicators: decidedItemIndicators },
];
