import { sql, type Kysely } from 'kysely';
import { engineOf } from '../../../core/db/dialect.js';

/**
 * An objection to a public notice may be raised anonymously (匿名): it then keeps no account at all,
 * so `account_id` becomes nullable, and `anonymous` says so. SQLite cannot drop a NOT NULL in place:
 * the table is rebuilt with its rows and index (nothing references it).
 */
const COLUMNS = 'id, profile_id, account_id, content, raised_on, decision, note, decided_by, decided_at, created_at';

const isPostgres = (db: Kysely<any>) => engineOf(db) === 'postgres';

async function rebuild(db: Kysely<any>, accountNullable: boolean, anonymousColumn: boolean) {
  await sql
    .raw(
      `create table hardship_objections_next (
        id text primary key,
        profile_id text not null references hardship_profiles(id),
        account_id text ${accountNullable ? '' : 'not null '}references accounts(id),
        ${anonymousColumn ? 'anonymous integer not null default 0,' : ''}
        content text not null,
        raised_on text not null,
        decision text,
        note text,
        decided_by text,
        decided_at text,
        created_at text not null
      )`,
    )
    .execute(db);
  await sql.raw(`insert into hardship_objections_next (${COLUMNS}) select ${COLUMNS} from hardship_objections`).execute(db);
  await sql.raw('drop table hardship_objections').execute(db);
  await sql.raw('alter table hardship_objections_next rename to hardship_objections').execute(db);
  await db.schema.createIndex('hardship_objections_profile').on('hardship_objections').column('profile_id').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table hardship_objections alter column account_id drop not null`.execute(db);
    await db.schema
      .alterTable('hardship_objections')
      .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  } else await rebuild(db, true, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  // An anonymous objection has no account to restore: the old schema cannot hold it.
  await sql`delete from hardship_objections where account_id is null`.execute(db);
  if (isPostgres(db)) {
    await db.schema.alterTable('hardship_objections').dropColumn('anonymous').execute();
    await sql`alter table hardship_objections alter column account_id set not null`.execute(db);
  } else await rebuild(db, false, false);
}
