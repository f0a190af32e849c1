/**
 * The database goes away under a running server. The server must not crash, must answer
 * every API request with 503 problem+json (Chinese detail, Retry-After) while it cannot
 * reach the database, and must recover by itself — no restart — when the database is back.
 *
 * PostgreSQL: a PostgreSQL server of the test's own is stopped (fast shutdown, as a
 * restart or fail-over does) and started again on the same port and data directory.
 * SQLite has no server to lose; its counterpart is the write lock held by another process
 * (a copy tool, a second instance) for longer than the busy timeout.
 */
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE, freshServerDb, type ServerDb } from './support/databases.js';
import { signIn, type Http, type HttpResponse } from './support/http.js';
import { requireBuild, sleep, startXq, type XqServer } from './support/process.js';
import { seedWorld, type World } from './support/world.js';
import { startPostgres } from '../pg-global-setup.js';

const UNAVAILABLE = '数据库暂时不可用，请稍后再试';

function expectUnavailable(res: HttpResponse) {
  expect(res.status, res.text).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.detail).toBe(UNAVAILABLE);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** A PostgreSQL server of the test's own, kept on disk between stop and start. */
const ownPostgres = () => startPostgres({ persistent: true, maxConnections: 50 });

/** Light steady traffic: a read and a write per round, from two users, recording every answer. */
function traffic(reader: Http, writer: Http, world: World) {
  // `sent` and `at` (answered): a request sent while the database was down may be answered after it is back.
  const log: { sent: number; at: number; kind: 'read' | 'write'; status: number; res?: HttpResponse; error?: string }[] = [];
  let stopped = false;
  let n = 0;
  const loop = (async () => {
    while (!stopped) {
      for (const [kind, call] of [
        ['read', () => reader.get('/api/v1/orgs')],
        ['write', () => writer.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: `恢复测试-${n++}` })],
      ] as const) {
        const sent = Date.now();
        try {
          const res = await call();
          log.push({ sent, at: Date.now(), kind, status: res.status, res });
        } catch (err) {
          log.push({ sent, at: Date.now(), kind, status: 0, error: String((err as Error).cause ?? err) });
        }
      }
      await sleep(50);
    }
  })();
  return {
    log,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

async function until(what: string, ms: number, ok: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await ok()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

if (ENGINE === 'postgres') {
  describe('database gone on PostgreSQL: the server answers 503 while PostgreSQL is down and recovers by itself', () => {
    let pgServer: Awaited<ReturnType<typeof ownPostgres>> | undefined;
    let sdb: ServerDb | undefined;
    let server: XqServer | undefined;
    afterAll(async () => {
      await server?.kill9();
      await sdb?.dispose().catch(() => {});
      await pgServer?.dispose();
    });

    it('keeps running through a PostgreSQL stop and start, with no restart', async () => {
      requireBuild();
      pgServer = await ownPostgres();
      sdb = await freshServerDb({ pgBase: pgServer.url });
      const database = await sdb.open();
      const world = await seedWorld(database.db, { students: 2 });
      await database.close();
      // Jobs on with a short timer: the scheduler must survive failing ticks too.
      server = await startXq({ ...sdb.env, XQ_JOBS: '1', XQ_TICK_MS: '500' });
      const admin = await signIn(server.url, world.accounts.admin);
      const staff = await signIn(server.url, world.accounts.staff);
      const load = traffic(staff, admin, world);
      await sleep(1000);
      const downAt = Date.now();
      await pgServer.stop();
      // A fast shutdown can take a while on a busy machine: "down" starts when it has finished.
      const stoppedAt = Date.now();

      // Down: every API answer is a 503 problem (after the requests already in flight).
      await sleep(3000);
      // A server that died with its database would answer nothing: say so with what it wrote last.
      expect(server.alive(), server.output().slice(-4000)).toBe(true);
      const health = await admin.get('/api/v1/health');
      expectUnavailable(health);
      expectUnavailable(await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '停机时写入' }));
      expect(server.alive()).toBe(true);

      const upAt = Date.now();
      await pgServer.start();
      let recoveredAt = 0;
      await until('the server answers 200 again', 30_000, async () => {
        const ok = (await admin.get('/api/v1/health')).status === 200;
        if (ok) recoveredAt = Date.now();
        return ok;
      });
      await sleep(1000);
      await load.stop();

      const before = load.log.filter((e) => e.at < downAt);
      const down = load.log.filter((e) => e.sent > stoppedAt && e.at < upAt);
      const after = load.log.filter((e) => e.sent > recoveredAt);
      expect(before.length).toBeGreaterThan(5);
      expect(before.every((e) => e.status >= 200 && e.status < 300)).toBe(true);
      expect(down.length).toBeGreaterThan(5);
      // While down, nothing but 503 — no 500, no dropped connection.
      expect([...new Set(down.map((e) => e.status))]).toEqual([503]);
      for (const e of down) expectUnavailable(e.res!);
      expect(after.length).toBeGreaterThan(5);
      expect(after.filter((e) => e.status < 200 || e.status >= 300)).toEqual([]);
      // The same process throughout, and it writes again.
      expect(server.alive()).toBe(true);
      const created = await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '恢复后写入' });
      expect(created.status).toBe(201);
      expect((await staff.get(`/api/v1/orgs/${created.body.id}`)).status).toBe(200);
      // No connection leaked through the failures: the pool still holds at most its 10.
      const check = await sdb.open();
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(check.db);
      await check.close();
      expect(rows[0].n).toBeLessThanOrEqual(10);
      console.log(
        `[database-gone postgres] ${down.length} answers while down, all 503; recovered ${recoveredAt - upAt} ms after PostgreSQL was started again ` +
          `(${load.log.length} requests in all); ${rows[0].n} server connections afterwards`,
      );
      expect(await server.stop()).toBe(0);
    }, 120_000);
  });
} else {
  describe('database unavailable on SQLite: another process holds the write lock past the busy timeout', () => {
    let sdb: ServerDb | undefined;
    let server: XqServer | undefined;
    afterAll(async () => {
      await server?.kill9();
      await sdb?.dispose();
    });

    it('answers writes 503 while locked out, keeps serving reads, and writes again once the lock is gone', async () => {
      requireBuild();
      sdb = await freshServerDb();
      const database = await sdb.open();
      const world = await seedWorld(database.db, { students: 2 });
      await database.close();
      server = await startXq(sdb.env);
      const admin = await signIn(server.url, world.accounts.admin);
      expect((await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '加锁前' })).status).toBe(201);

      const other = new Sqlite(sdb.url);
      other.pragma('busy_timeout = 0');
      other.exec('begin immediate');
      try {
        const started = Date.now();
        const refused = await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '加锁时' });
        expectUnavailable(refused);
        // It waited out the busy timeout rather than failing at once.
        expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
        // WAL: readers are not blocked by a writer.
        const list = await admin.get('/api/v1/orgs');
        expect(list.status).toBe(200);
        expect(list.body.items.map((o: { name: string }) => o.name)).toContain('加锁前');
        expect(list.body.items.map((o: { name: string }) => o.name)).not.toContain('加锁时');
      } finally {
        other.exec('rollback');
        other.close();
      }
      const again = await admin.post('/api/v1/orgs', { parentId: world.group.id, kind: 'department', name: '解锁后' });
      expect(again.status).toBe(201);
      expect(server.alive()).toBe(true);
      expect(await server.stop()).toBe(0);
    }, 60_000);
  });
}
