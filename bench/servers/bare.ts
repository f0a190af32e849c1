/**
 * The baselines: bare Fastify (no plugins, no logger) answering (a) a constant JSON and
 * (b) a primary-key select on the generated persons table through better-sqlite3 with a
 * prepared statement. What the real app costs is read against these two.
 * (c) POST /appeals: one appeal row inserted through a prepared statement on a second
 * connection with the app's other pragmas (WAL, foreign keys), durable before it answers:
 * with synchronous=FULL (better-sqlite3's own way, a flush inside every commit), or with
 * `bare.ts <file> group` the app's group commit (server/core/db/wal-sync.ts). The baseline
 * of the appeal intake (bench/appeals.bench.ts).
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { WalSync } from '../../server/core/db/wal-sync.js';

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

// The app's connection settings (server/core/db/database.ts) but for how the commit is flushed.
const group = process.argv[3] === 'group';
const writer = new Database(file);
writer.pragma('journal_mode = WAL');
writer.pragma(group ? 'synchronous = NORMAL' : 'synchronous = FULL');
const wal = group ? new WalSync(file) : null;
writer.pragma('foreign_keys = ON');
writer.pragma('busy_timeout = 5000');
writer.pragma('cache_size = -65536');
writer.pragma('temp_store = MEMORY');
let insertAppeal: Database.Statement | undefined;
let seq = 0;
app.post<{ Body: { orgId: string; unitId: string; personId: string; category: string; title: string; description: string; anonymous: boolean } }>(
  '/appeals',
  async (req, reply) => {
    insertAppeal ??= writer.prepare(
      `insert into appeals (id, code, org_id, unit_id, author_person_id, anonymous, channel, category, nature, urgency, title, description, status,
       submitted_at, submitted_date, accept_due_date, current_due, late, reopen_count, affected_workers, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'online', ?, 'request', 'general', ?, ?, 'submitted', ?, ?, ?, ?, 0, 0, 1, ?, ?)`,
    );
    const b = req.body;
    const at = new Date().toISOString();
    const day = at.slice(0, 10);
    const id = randomUUID();
    insertAppeal.run(
      id,
      `BARE-${process.pid}-${++seq}`,
      b.orgId,
      b.unitId,
      b.personId,
      b.anonymous ? 1 : 0,
      b.category,
      b.title,
      b.description,
      at,
      day,
      day,
      day,
      at,
      at,
    );
    await wal?.sync();
    return reply.status(201).send({ id });
  },
);

await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
