/**
 * The real app from source on one database, with request logging on at the production
 * default (`info`, one line per request): the list benchmark measures what is deployed.
 * Its stdout (the log) goes wherever the runner points it — a file, as a service's journal.
 */
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';

const url = process.argv[2];
if (!url) throw new Error('usage: server.ts <sqlite file | postgres url>');
const database = await openDatabase({ url });
await migrateToLatest(database.db, house.migrations);
const config = loadConfig(process.env, { jobs: false, webDir: '/nonexistent', port: 0, host: '127.0.0.1' });
const app = await buildApp({ config, database });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
