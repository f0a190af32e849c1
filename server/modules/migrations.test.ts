/**
 * The migrations of core and every module: atomic on both engines, and free of module
 * code, so history does not change when a module's functions do.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINE } from '../../test/db.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { house } from './registry.js';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

/** Creates a table, then fails — as a migration with a mistake in its second statement would. */
const failsHalfWay: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('probe_half')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
    await sql`insert into no_such_table values (1)`.execute(db);
  },
};
const good: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('probe_whole')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
  },
};

const tables = async () =>
  ENGINE === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(t.db)).rows.map((r) => r.name);
const recorded = async () =>
  (
    await t.db
      .selectFrom('xq_migrations' as any)
      .select('name')
      .execute()
  ).map((r: any) => r.name as string);

describe(`migrations on ${ENGINE}`, () => {
  it('are atomic: a migration failing half-way leaves neither its tables nor its record, and the next run applies the fixed one', async () => {
    await expect(migrateToLatest(t.db, { ...house.migrations, '20991231_0000_probe_half': failsHalfWay })).rejects.toThrow();
    expect(await tables()).not.toContain('probe_half');
    expect(await recorded()).not.toContain('20991231_0000_probe_half');

    // The fixed migration under the same name now runs from a clean start.
    expect(await migrateToLatest(t.db, { ...house.migrations, '20991231_0000_probe_half': good })).toEqual(['20991231_0000_probe_half']);
    expect(await tables()).toContain('probe_whole');
  });
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const migrationFiles = [
  path.join(ROOT, 'server/core/db/migrations'),
  ...fs.readdirSync(path.join(ROOT, 'server/modules')).map((m) => path.join(ROOT, 'server/modules', m, 'migrations')),
]
  .filter((d) => fs.existsSync(d))
  .flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(d, f)),
  );

/** Every module specifier a file imports or re-exports, resolved to a path inside the repository when relative. */
function importsOf(file: string): string[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  src.forEachChild((n) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const spec = n.moduleSpecifier.text;
      out.push(
        spec.startsWith('.')
          ? path
              .relative(ROOT, path.resolve(path.dirname(file), spec))
              .split(path.sep)
              .join('/')
          : spec,
      );
    }
  });
  return out;
}

describe('migration files', () => {
  it('import only kysely and core, never module code', () => {
    expect(migrationFiles.length).toBe(Object.keys(house.migrations).length);
    const offending = migrationFiles.flatMap((f) =>
      importsOf(f)
        .filter((i) => i !== 'kysely' && !i.startsWith('server/core/'))
        .map((i) => `${path.relative(ROOT, f)} → ${i}`),
    );
    expect(offending).toEqual([]);
  });
});
