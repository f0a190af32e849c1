/**
 * People lists at scale: the org path copied onto persons, so a subtree filter, the
 * filters and the sort key are all answered from one index without touching orgs.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf, pathColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('persons').addColumn('org_path', pathColumn(db)).execute();
  await db
    .updateTable('persons')
    .set((eb) => ({ org_path: eb.selectFrom('orgs').select('orgs.path').whereRef('orgs.id', '=', 'persons.org_id') }))
    .execute();

  // Subtree range first: counts and small subtrees read a slice of this index and nothing else.
  await db.schema
    .createIndex('persons_list')
    .on('persons')
    .columns(['archived', 'org_path', 'kind', 'employment_category', 'union_member', 'name', 'employee_no', 'phone', 'id'])
    .execute();
  // Name order first: the first page of a large subtree is read in order and stops after 20 rows.
  await db.schema
    .createIndex('persons_by_name')
    .on('persons')
    .columns(['archived', 'name', 'id', 'org_path', 'kind', 'employment_category', 'union_member', 'employee_no', 'phone'])
    .execute();
  // Employment category is the cut the union makes most (分类施策): its counts seek straight to it.
  await db.schema.createIndex('persons_by_category').on('persons').columns(['archived', 'employment_category', 'org_path', 'kind', 'union_member']).execute();
  await db.schema.createIndex('import_batches_account').on('import_batches').columns(['account_id', 'created_at']).execute();

  await keepOrgPathInSync(db);
}

/**
 * Every writer of persons (services, the demo seed, test factories, bulk loaders) gets a
 * correct org_path without knowing about it: the database copies it from orgs on insert
 * and whenever org_id changes. Org moves re-root the copies in the same transaction
 * (org.service → people.repository.reRootOrgPaths).
 */
async function keepOrgPathInSync(db: Kysely<any>) {
  if (engineOf(db) === 'postgres') {
    await sql
      .raw(
        `create or replace function xq_person_org_path() returns trigger language plpgsql as $$
         begin new.org_path := (select path from orgs where id = new.org_id); return new; end $$`,
      )
      .execute(db);
    await sql
      .raw(`create trigger persons_org_path before insert or update of org_id, org_path on persons for each row execute function xq_person_org_path()`)
      .execute(db);
    return;
  }
  for (const [name, event] of [
    ['persons_org_path_insert', 'after insert'],
    ['persons_org_path_update', 'after update of org_id, org_path'],
  ]) {
    await sql
      .raw(
        `create trigger ${name} ${event} on persons
         when new.org_path is not (select path from orgs where id = new.org_id)
         begin update persons set org_path = (select path from orgs where id = new.org_id) where id = new.id; end`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('core migration is not reversible');
}
