import { z } from 'zod';
import type { App } from '../http/types.js';
import { requireActor } from '../auth/auth.plugin.js';
import { forbidden } from '../errors.js';
import { isGlobalAdmin } from '../accounts/accounts.policy.js';
import { allow } from '../http/access.js';

const JobStatus = z.object({
  name: z.string(),
  intervalMs: z.number(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), error: z.string() }).nullable(),
});

export async function jobsRoutes(app: App) {
  // Jobs run for the whole deployment, so only a deployment-wide admin sees them.
  app.get(
    '/api/v1/jobs',
    { config: allow('sysAdmin'), schema: { tags: ['system'], summary: '定时任务运行状态', response: { 200: z.object({ items: z.array(JobStatus) }) } } },
    async (req) => {
      if (!isGlobalAdmin(requireActor(req))) throw forbidden();
      return { items: await app.deps.scheduler.status() };
    },
  );
}
