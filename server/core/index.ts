/**
 * Core feature plugins that follow the module shape (routes + jobs). Auth, org and
 * health are registered by app.ts directly because everything else depends on them.
 */
import type { App } from './http/types.js';
import type { JobDefinition } from './jobs/scheduler.js';
import { calendarRoutes } from './calendar/calendar.routes.js';

export interface CorePlugin {
  name: string;
  routes(app: App): Promise<void>;
  jobs?: JobDefinition[];
}

export const corePlugins: CorePlugin[] = [{ name: 'calendar', routes: calendarRoutes }];
