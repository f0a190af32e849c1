/**
 * A fresh, migrated database for one test file, on the engine the project runs on.
 * PostgreSQL copies the migrated template database; SQLite copies the file test/sqlite-global-setup.ts
 * migrated once for the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../server/core/db/database.js';
import { house } from '../server/modules/registry.js';
import { installHouse } from '../server/modules/compose.js';

export const ENGINE = (process.env.XQ_TEST_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';

export async function createTestDatabase(): Promise<Database & { url: string; dispose(): Promise<void> }> {
  // Tests call services without an app, so the test database is their composition root.
  installHouse(house);
  if (ENGINE === 'postgres') {
    const base = inject('pgUrl');
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query(`create database ${name} template xq_template`);
    await admin.end();
    const url = `${base}/${name}`;
    const database = await openDatabase({ url, poolSize: 5 });
    return {
      ...database,
      url,
      async dispose() {
        await database.close();
        const c = new pg.Client({ connectionString: `${base}/postgres` });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-sqlite-'));
  const file = path.join(dir, 'test.sqlite');
  fs.copyFileSync(inject('sqliteTemplate'), file);
  const database = await openDatabase({ url: file });
  return {
    ...database,
    url: file,
    async dispose() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
