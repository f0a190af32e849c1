/**
 * The baseline for writing a 心桥 side: bare Fastify (no plugins, no logger) that takes a JSON
 * body and inserts one row of the same shape into its own table of the benchmark's SQLite
 * file, through a prepared better-sqlite3 statement. Durable before it answers, two ways:
 *   bare-insert.ts <file>        WAL, synchronous=FULL: better-sqlite3 flushes inside each commit;
 *   bare-insert.ts <file> group  the app's group commit (server/core/db/wal-sync.ts):
 *                                synchronous=NORMAL, then one shared flush before answering.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { WalSync } from '../../server/core/db/wal-sync.js';

const file = process.argv[2];
if (!file) throw new Error('usage: bare-insert.ts <sqlite file>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
const group = process.argv[3] === 'group';
db.pragma(group ? 'synchronous = NORMAL' : 'synchronous = FULL');
const wal = group ? new WalSync(file) : null;
db.pragma('cache_size = -65536');
db.exec(`create table if not exists bench_bare_pages (
  id text primary key, student_id text not null, week text not null,
  main text not null, suggestion text not null, encouragement text not null, written_at text not null)`);
const insert = db.prepare('insert into bench_bare_pages (id, student_id, week, main, suggestion, encouragement, written_at) values (?, ?, ?, ?, ?, ?, ?)');

const app = Fastify({ logger: false });
app.put<{ Params: { student: string; week: string }; Body: { atSchool: string; suggestion: string; encouragement: string } }>(
  '/students/:student/weeks/:week',
  async (req) => {
    const id = randomUUID();
    const at = new Date().toISOString();
    insert.run(id, req.params.student, req.params.week, req.body.atSchool, req.body.suggestion, req.body.encouragement, at);
    await wal?.sync();
    return { id, writtenAt: at };
  },
);

await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
