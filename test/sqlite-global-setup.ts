/**
 * Migrates one SQLite file for the whole run; each test file copies it (test/db.ts). Migrating a new file for each
 * test file took 2–5 s, about a tenth of the SQLite project's time; a copy takes 10 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/core/db/database.js';
import { migrateToLatest } from '../server/core/db/migrate.js';
import { house } from '../server/modules/registry.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-sqlite-template-'));
  const file = path.join(dir, 'template.sqlite');
  const database = await openDatabase({ url: file });
  await migrateToLatest(database.db, house.migrations);
  // Closing checkpoints the write-ahead log into the file, so the file alone is the whole database.
  await database.close();
  project.provide('sqliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
