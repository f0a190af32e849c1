/**
 * The baselines: bare Fastify (no plugins, no logger) answering (a) a constant JSON and
 * (b) a primary-key select on the generated persons table through better-sqlite3 with a
 * prepared statement. What the real app costs is read against these two.
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const file = process.argv[2];
if (!file) throw new Error('usage: bare.ts <sqlite file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('cache_size = -65536');
const byId = db.prepare('select * from persons where id = ?');

const app = Fastify({ logger: false });
app.get('/constant', async () => ({ status: 'ok', name: '心桥', version: 1 }));
app.get<{ Params: { id: string } }>('/persons/:id', async (req, reply) => {
  const row = byId.get(req.params.id);
  if (!row) return reply.status(404).send({ error: 'not found' });
  return row;
});

await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
