import type { Config } from './core/config.js';
import type { Database } from './core/db/database.js';
import { buildApp } from './app.js';
import { commands } from './cli/commands.js';

export async function serve(config: Config, database: Database) {
  // First run on an empty database: seed the demo organisation so the README's single
  // command shows a working system.
  const empty = !(await database.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst());
  if (empty && process.env.XQ_SEED_DEMO !== '0' && commands.seed) await commands.seed(database, ['--demo']);
  const app = await buildApp({ config, database });
  await app.listen({ host: config.host, port: config.port });
  if (config.jobs) app.deps.scheduler.start();
  const stop = async () => {
    // Graceful: stop accepting, let in-flight requests and the running job tick finish. A
    // request that hangs past the grace period must not hold up a rolling restart.
    setTimeout(() => process.exit(1), Number(process.env.XQ_SHUTDOWN_GRACE_MS ?? 10_000)).unref();
    // Closing drops the keep-alive connections idle at that moment; one whose last response
    // (a file download) is still finishing would otherwise stay open for the whole keep-alive
    // timeout and make a clean stop look like a hung one.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await app.close();
    clearInterval(sweep);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
