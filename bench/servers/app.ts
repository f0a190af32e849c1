/**
 * The real app — the same source `npm run build:server` bundles, loaded through tsx (esbuild
 * both ways) — on the generated SQLite file, with the logger and background jobs off so only
 * request handling is measured.
 * TRUST_PROXY=1 comes from the runner: each benchmark login carries its own
 * X-Forwarded-For, so the per-IP login rate limit sees many clients, as in production.
 */
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/core/config.js';
import { openDatabase } from '../../server/core/db/database.js';
import { migrateToLatest } from '../../server/core/db/migrate.js';
import { house } from '../../server/modules/registry.js';

const file = process.argv[2];
if (!file) throw new Error('usage: app.ts <sqlite file>');

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
