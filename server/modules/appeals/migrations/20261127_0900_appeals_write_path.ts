/**
 * A lighter write path for the intake (bench/RESULTS.md): every index an insert touches
 * costs the intake a b-tree write and a page of the commit.
 *
 * - The indexes on columns a new appeal leaves empty (merged into, group alert, department;
 *   a signature's group alert) become partial, `where … is not null`: a new appeal no
 *   longer enters them, and every query through them compares the column with a value,
 *   which both engines know excludes null.
 * - appeal_group_locks goes: the group check serialises per unit and category with a
 *   transaction lock by name instead (core/db/locks.ts), which writes nothing.
 */
import { sql, type Kysely } from 'kysely';

const PARTIAL = [
  { name: 'appeals_master', table: 'appeals', columns: 'master_id', nonNull: 'master_id' },
  { name: 'appeals_group', table: 'appeals', columns: 'group_alert_id', nonNull: 'group_alert_id' },
  { name: 'appeals_department', table: 'appeals', columns: 'department_id, status', nonNull: 'department_id' },
  { name: 'appeal_signatures_alert', table: 'appeal_signatures', columns: 'group_alert_id, author_key', nonNull: 'group_alert_id' },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const i of PARTIAL) {
    await sql.raw(`drop index if exists ${i.name}`).execute(db);
    await sql.raw(`create index ${i.name} on ${i.table} (${i.columns}) where ${i.nonNull} is not null`).execute(db);
  }
  await db.schema.dropTable('appeal_group_locks').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const i of PARTIAL) {
    await sql.raw(`drop index if exists ${i.name}`).execute(db);
    await sql.raw(`create index ${i.name} on ${i.table} (${i.columns})`).execute(db);
  }
  await db.schema
    .createTable('appeal_group_locks')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_group_locks_pk', ['unit_id', 'category'])
    .execute();
}
