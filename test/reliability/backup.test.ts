/**
 * Backup while the server keeps writing, then a restore drill into a fresh place: every
 * row that existed when the backup started is in the copy (unchanged rows byte for byte),
 * every table is there, the files uploaded before it come back byte for byte, and the server
 * starts on the copy and serves it.
 *
 * SQLite: `xq backup` (VACUUM INTO) and `xq restore` into a new DATA_DIR.
 * PostgreSQL: `xq backup` (pg_dump) and `xq restore` (pg_restore) into a new database. pg_dump
 * refuses a server newer than itself: when the suite's server is newer than the installed
 * pg_dump (embedded PostgreSQL 18, Debian's pg_dump 15), `xq backup` must refuse it in words and
 * leave no file behind, and the drill runs on a PostgreSQL 15 server the test starts itself.
 * pg_dump itself must be installed (`.ci/run` installs Debian's postgresql-client).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pgTool } from '../../server/core/db/backup.js';
import { startPostgres } from '../pg-global-setup.js';
import { openDatabase } from '../../server/core/db/database.js';
import { createPgDatabase, ENGINE, freshServerDb, missingFrom, snapshot, type ServerDb } from './support/databases.js';
import { signIn, type Http } from './support/http.js';
import { requireBuild, runXq, sleep, startXq, type XqServer } from './support/process.js';
import { seedWorld, type World } from './support/world.js';
import { available, finishedWeeks, pump, signInAll } from './support/writers.js';

/** Which PostgreSQL tooling this machine has, decided before the tests are registered. */
async function pgDumpFitness(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (ENGINE !== 'postgres') return { ok: false, reason: 'not postgres' };
  const c = new pg.Client({ connectionString: `${inject('pgUrl')}/postgres` });
  await c.connect();
  const { rows } = await c.query('show server_version_num');
  await c.end();
  try {
    pgTool('pg_dump', Math.floor(Number(rows[0].server_version_num) / 10_000));
    pgTool('pg_restore');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
const fitness = await pgDumpFitness();
/** The drill runs on the suite's server when pg_dump can read it, else on a PostgreSQL 15 of its own. */
const ownServer = ENGINE === 'postgres' && !fitness.ok;

let sdb: ServerDb;
let pgBase = ENGINE === 'postgres' ? inject('pgUrl') : '';
let own: Awaited<ReturnType<typeof startPostgres>> | undefined;
let world: World;
let server: XqServer | undefined;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-backup-'));
beforeAll(async () => {
  requireBuild();
  if (ownServer) {
    own = await startPostgres({ major: 15 });
    pgBase = own.url;
  }
  sdb = await freshServerDb(own ? { pgBase } : {});
  const database = await sdb.open();
  world = await seedWorld(database.db);
  await database.close();
});
afterAll(async () => {
  await server?.kill9();
  await sdb?.dispose();
  await own?.dispose();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const title =
  ENGINE === 'sqlite'
    ? 'backup and restore on SQLite: xq backup (VACUUM INTO) under writes, xq restore into a fresh DATA_DIR'
    : 'backup and restore on PostgreSQL: xq backup (pg_dump) under writes, xq restore (pg_restore) into a fresh database';

/** A worker's appeal with a PDF attached (the file lands under DATA_DIR/files, not in the database). */
async function attachedAppeal(worker: Http) {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`备份演练 ${Date.now()}\n`.repeat(200))]);
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), '工资条.pdf');
  const up = await fetch(`${worker.base}/api/v1/appeals/attachments`, {
    method: 'POST',
    headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf },
    body: form,
  });
  expect(up.status).toBe(201);
  const attachmentId = (await up.json()).id as string;
  const appeal = await worker.post('/api/v1/appeals', {
    category: 'wages',
    nature: 'request',
    title: '工资条有误',
    description: '附件是本月工资条。',
    anonymous: false,
    attachmentIds: [attachmentId],
  });
  expect(appeal.status, appeal.text).toBe(201);
  return { appealId: appeal.body.id as string, attachmentId, bytes };
}

describe(title, () => {
  if (ENGINE === 'postgres') {
    it('pg_dump and pg_restore are installed (.ci/run installs postgresql-client)', () => {
      expect(() => pgTool('pg_dump'), 'install postgresql-client: apt-get install -y postgresql-client').not.toThrow();
      expect(() => pgTool('pg_restore')).not.toThrow();
    });
  }
  it('restores every row that existed when the backup started, and the server runs on the copy', async () => {
    const env = { ...sdb.env, XQ_WRITE_LIMIT_ACCOUNT: '0' };
    server = await startXq(env);
    const sessions = await signInAll(server.url, world);
    const upload = await attachedAppeal(sessions.worker);
    const writers = await available(sessions.admin);
    const load = pump(sessions, writers, { world, tag: `b${Date.now().toString(36)}`, weeks: await finishedWeeks(sessions.teacher, world.cls.id) }, 4);
    await sleep(800);

    const live = await sdb.open();
    const before = await snapshot(live);
    const acksAtStart = load.acks.length;
    const file = path.join(scratch, ENGINE === 'sqlite' ? 'xq.sqlite' : 'xq.dump');
    const started = Date.now();
    const backup = await runXq(['backup', file], env);
    const backupMs = Date.now() - started;
    expect(backup.code, backup.stderr).toBe(0);
    const after = await snapshot(live);
    await live.close();
    await sleep(200);
    await load.stop();
    const acksDuring = load.acks.length - acksAtStart;
    expect(await server.stop()).toBe(0);
    server = undefined;
    expect(load.refused).toEqual([]);
    expect(acksDuring).toBeGreaterThan(0);

    // The restore drill: a new place, `xq restore`, then compare table by table.
    let target: { env: Record<string, string>; url: string; drop(): Promise<void> };
    if (ENGINE === 'sqlite') {
      const dir = path.join(scratch, 'restored');
      target = { env: { DATA_DIR: dir }, url: path.join(dir, 'xinqiao.sqlite'), drop: async () => {} };
    } else {
      const base = pgBase;
      const name = `restored_${Date.now().toString(36)}`;
      await createPgDatabase(base, name);
      target = {
        env: { DATABASE_URL: `${base}/${name}`, DATA_DIR: path.join(scratch, 'restored') },
        url: `${base}/${name}`,
        async drop() {
          const c = new pg.Client({ connectionString: `${base}/postgres` });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    }
    try {
      const restore = await runXq(['restore', file], target.env);
      expect(restore.code, restore.stderr).toBe(0);
      const copy = await openDatabase({ url: target.url });
      let rows = 0;
      try {
        if (ENGINE === 'sqlite') {
          const { rows: check } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(copy.db);
          expect(check.map((r) => r.integrity_check)).toEqual(['ok']);
          expect((await sql`pragma foreign_key_check`.execute(copy.db)).rows).toEqual([]);
        }
        const restored = await snapshot(copy);
        expect([...restored.keys()]).toEqual([...before.keys()]);
        expect(missingFrom(restored, before, after)).toEqual([]);
        for (const [table, r] of restored) {
          // Nothing is in the copy that was not written by the time the backup ended.
          expect(r.size, table).toBeGreaterThanOrEqual(before.get(table)!.size);
          expect(r.size, table).toBeLessThanOrEqual(after.get(table)!.size);
          rows += r.size;
        }
      } finally {
        await copy.close();
      }

      // The server starts on the copy and serves what was written before the backup.
      server = await startXq({ ...target.env, XQ_WRITE_LIMIT_ACCOUNT: '0' });
      const admin = await signIn(server.url, world.accounts.admin);
      const early = load.acks.slice(0, acksAtStart).find((a) => a.writer === 'org')!;
      const org = await admin.get(`/api/v1/orgs/${early.got.id}`);
      expect(org.status).toBe(200);
      expect(org.body.name).toBe(early.sent.name);
      // The attachment uploaded before the backup downloads from the copy as it was sent.
      const download = await fetch(`${server.url}/api/v1/appeals/${upload.appealId}/attachments/${upload.attachmentId}`, { headers: { cookie: admin.cookie } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(upload.bytes)).toBe(true);
      expect(await server.stop()).toBe(0);
      server = undefined;
      console.log(
        `[backup ${ENGINE}${own ? " 15 (a server of the test's own)" : ''}] backup took ${backupMs} ms while ${acksDuring} writes were acknowledged around it; ` +
          `${before.size} tables, ${rows} rows restored, missing 0`,
      );
    } finally {
      await target.drop();
    }
  }, 120_000);
  if (ownServer) {
    it('refuses a server newer than pg_dump with a message that names the versions, and writes no file', async () => {
      const file = path.join(scratch, 'xq-newer.dump');
      const newer = await freshServerDb();
      const res = await runXq(['backup', file], newer.env).finally(() => newer.dispose());
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/pg_dump/);
      expect(res.stderr).toMatch(/PostgreSQL \d+|找不到/);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(`${file}.files`)).toBe(false);
      console.log(`[backup postgres] no suitable pg_dump here: ${fitness.ok ? '' : fitness.reason}`);
    }, 60_000);
  }
});
