/**
 * The real app as `npm start` builds it (dist/), on the generated SQLite file, with the
 * logger and background jobs off so only request handling is measured.
 * TRUST_PROXY=1 comes from the runner: each benchmark login carries its own
 * X-Forwarded-For, so the per-IP login rate limit sees many clients, as in production.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: app.ts <sqlite file>');
const dist = (p: string) => pathToFileURL(path.resolve('dist/server', p)).href;

const { buildApp } = (await import(dist('app.js'))) as typeof import('../../server/app.js');
const { loadConfig } = (await import(dist('core/config.js'))) as typeof import('../../server/core/config.js');
const { openDatabase } = (await import(dist('core/db/database.js'))) as typeof import('../../server/core/db/database.js');
const { migrateToLatest } = (await import(dist('core/db/migrate.js'))) as typeof import('../../server/core/db/migrate.js');
const { house } = (await import(dist('modules/registry.js'))) as typeof import('../../server/modules/registry.js');

const database = await openDatabase({ url: file });
await migrateToLatest(database.db, house.migrations);
const config = loadConfig(process.env, { jobs: false, logLevel: 'silent', webDir: '/nonexistent', port: 0, host: '127.0.0.1' });
const app = await buildApp({ config, database, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
