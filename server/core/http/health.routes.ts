import { z } from 'zod';
import type { App } from './types.js';
import { PUBLIC } from './access.js';

export async function healthRoutes(app: App) {
  app.get(
    '/api/v1/health',
    {
      config: PUBLIC,
      schema: {
        tags: ['system'],
        summary: '健康检查（含数据库）',
        response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), time: z.string() }) },
      },
    },
    async () => {
      // A failing ping surfaces as a 503 problem through the error handler.
      await app.deps.database.ping();
      return { status: 'ok' as const, engine: app.deps.database.engine, time: new Date().toISOString() };
    },
  );
}
