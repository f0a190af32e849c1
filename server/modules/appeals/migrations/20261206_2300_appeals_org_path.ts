/**
 * Lists that stay flat as appeals grow (issue #16).
 *
 * - `appeals.org_path`: the path of the appeal's org, kept beside it, so a scope or an org
 *   filter is one range on an index (`path >= p and path < p~`) instead of an IN over every
 *   org id of a subtree checked row by row. Triggers keep it true when an org moves (the
 *   orgs path update touches the appeals of each moved org through appeals_org_date), when
 *   an appeal's org changes, and for rows written without it (bulk loads, fixtures).
 * - Indexes that lead with a filter's column and continue with the path, so the count of
 *   "filter × scope" reads index entries only, and stops at the cap (COUNT_CAP). Flags that
 *   a new appeal never has (rated, reopened, late) are partial: the intake does not enter them.
 *
 * - appeals_department gains the deadline, so a handler's 红黄灯 filter is read in its range.
 *
 * Cost on existing data: one UPDATE of every appeal through the orgs primary key and twelve
 * index builds, once — linear in the appeals (bench/lists applied it to 100 000 appeals on
 * SQLite within the 2 minutes of its data step, on a 2-core machine at load ~30).
 */
import { sql, type Kysely } from 'kysely';
import { engineOf, pathColumn } from '../../../core/db/dialect.js';

/** Name, columns, and the partial condition when the index is one. */
export const LIST_INDEXES: readonly [string, string, string?][] = [
  ['appeals_scope', 'org_path, submitted_at, id'],
  ['appeals_status_scope', 'status, org_path, submitted_at'],
  ['appeals_category_scope', 'category, org_path'],
  ['appeals_urgency_scope', 'urgency, org_path'],
  ['appeals_unit_scope', 'unit_id, org_path'],
  ['appeals_employment_scope', 'author_category, org_path', 'author_category is not null'],
  ['appeals_anonymous_scope', 'org_path', 'anonymous = 1'],
  ['appeals_rating_scope', 'rating, org_path', 'rating is not null'],
  ['appeals_reopened_scope', 'org_path', 'reopen_count > 0'],
  ['appeals_late_scope', 'org_path', 'late = 1'],
  ['appeals_due_scope', 'current_due, org_path', 'current_due is not null'],
];

const PG_TRIGGERS = [
  `create or replace function appeals_org_path_fill() returns trigger language plpgsql as $$
   begin new.org_path := (select path from orgs where id = new.org_id); return new; end $$`,
  `create trigger appeals_org_path_insert before insert on appeals for each row when (new.org_path is null) execute function appeals_org_path_fill()`,
  `create trigger appeals_org_path_update before update of org_id on appeals for each row execute function appeals_org_path_fill()`,
  `create or replace function appeals_org_moved() returns trigger language plpgsql as $$
   begin update appeals set org_path = new.path where org_id = new.id; return null; end $$`,
  `create trigger appeals_org_moved after update of path on orgs for each row when (old.path is distinct from new.path) execute function appeals_org_moved()`,
];

const SQLITE_TRIGGERS = [
  `create trigger appeals_org_path_insert after insert on appeals when new.org_path is null begin
     update appeals set org_path = (select path from orgs where id = new.org_id) where id = new.id; end`,
  `create trigger appeals_org_path_update after update of org_id on appeals begin
     update appeals set org_path = (select path from orgs where id = new.org_id) where id = new.id; end`,
  `create trigger appeals_org_moved after update of path on orgs when old.path is not new.path begin
     update appeals set org_path = new.path where org_id = new.id; end`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeals').addColumn('org_path', pathColumn(db)).execute();
  await sql`update appeals set org_path = (select o.path from orgs o where o.id = appeals.org_id)`.execute(db);
  for (const s of engineOf(db) === 'postgres' ? PG_TRIGGERS : SQLITE_TRIGGERS) await sql.raw(s).execute(db);
  for (const [name, columns, where] of LIST_INDEXES) await sql.raw(`create index ${name} on appeals (${columns})${where ? ` where ${where}` : ''}`).execute(db);
  // A handler's list is a range on the department; with the deadline in it, a 红黄灯 filter stays in that range.
  await sql`drop index if exists appeals_department`.execute(db);
  await sql`create index appeals_department on appeals (department_id, status, current_due) where department_id is not null`.execute(db);
  await sql`analyze appeals`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of LIST_INDEXES) await sql.raw(`drop index if exists ${name}`).execute(db);
  await sql`drop index if exists appeals_department`.execute(db);
  await sql`create index appeals_department on appeals (department_id, status) where department_id is not null`.execute(db);
  if (engineOf(db) === 'postgres') {
    await sql`drop trigger if exists appeals_org_path_insert on appeals`.execute(db);
    await sql`drop trigger if exists appeals_org_path_update on appeals`.execute(db);
    await sql`drop trigger if exists appeals_org_moved on orgs`.execute(db);
    await sql`drop function if exists appeals_org_path_fill()`.execute(db);
    await sql`drop function if exists appeals_org_moved()`.execute(db);
  } else {
    for (const t of ['appeals_org_path_insert', 'appeals_org_path_update', 'appeals_org_moved']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  }
  await db.schema.alterTable('appeals').dropColumn('org_path').execute();
}
