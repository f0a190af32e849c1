/**
 * Appeals' timeline moves into core's `entity_events` (kind 'appeals.appeal'), the table every
 * module's timeline lives in: each row keeps its id, time, actor (null for an anonymous author,
 * as it was), note, `internal` flag, role and data. Rows written before this carry no from/to
 * status (appeal_events never held them). Then `appeal_events` is dropped.
 *
 * SQL only: a migration never imports module code. One transaction on both engines (SQLite
 * runs DDL inside one too), and re-runnable: a row already moved is not copied twice, and a
 * database without `appeal_events` has nothing to move.
 */
import { sql, type Kysely, type Transaction } from 'kysely';

export const KIND = 'appeals.appeal';

const hasTable = async (db: Kysely<any>, name: string) => (await db.introspection.getTables()).some((t) => t.name === name);

const atomically = (db: Kysely<any>, work: (tx: Kysely<any>) => Promise<void>) =>
  db.isTransaction ? work(db) : db.transaction().execute((tx: Transaction<any>) => work(tx));

export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasTable(db, 'appeal_events'))) return;
  await atomically(db, async (tx) => {
    await sql`
      insert into entity_events (id, kind, entity_id, event, from_status, to_status, actor_account_id, data, at, note, internal, actor_role)
      select e.id, ${KIND}, e.appeal_id, e.kind, null, null, e.actor_account_id, e.data, e.at, e.note, e.internal, e.actor_label
      from appeal_events e
      where not exists (select 1 from entity_events x where x.id = e.id)
    `.execute(tx);
    await tx.schema.dropTable('appeal_events').execute();
  });
}

/** Back to appeals' own table (as 20261125_0001 made it); from/to statuses recorded since are dropped. */
export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (tx) => {
    await tx.schema
      .createTable('appeal_events')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_account_id', 'text', (c) => c.references('accounts.id'))
      .addColumn('actor_label', 'text')
      .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text')
      .addColumn('data', 'text')
      .execute();
    await tx.schema.createIndex('appeal_events_appeal').ifNotExists().on('appeal_events').columns(['appeal_id', 'at']).execute();
    await sql`
      insert into appeal_events (id, appeal_id, at, kind, actor_account_id, actor_label, internal, note, data)
      select x.id, x.entity_id, x.at, x.event, x.actor_account_id, x.actor_role, x.internal, x.note, x.data
      from entity_events x
      where x.kind = ${KIND} and not exists (select 1 from appeal_events e where e.id = x.id)
    `.execute(tx);
    await tx.deleteFrom('entity_events').where('kind', '=', KIND).execute();
  });
}
