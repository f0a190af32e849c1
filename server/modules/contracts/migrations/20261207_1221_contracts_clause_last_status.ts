/**
 * The finding of a clause's last checked checkpoint, kept on the clause (`last_status`, null
 * until first checked) so that the clause list, the honoured-rate figure and its cuts filter a
 * column instead of running a sub-query per clause in force (12 000 at scale L: the drill list
 * took 92 ms). The rule is the board's: the checked checkpoint latest by due date, then id;
 * `recordCheck` rewrites it in the check's transaction. `contracts_title` lets SQLite walk the
 * list in its order (contract title, id, clause number) and stop after the page.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contract_clauses').addColumn('last_status', 'text').execute();
  await sql`update contract_clauses set last_status = (
    select cp.status from contract_checkpoints cp
    where cp.clause_id = contract_clauses.id and cp.status <> 'notDue'
    order by cp.due_date desc, cp.id desc limit 1)`.execute(db);
  await db.schema.createIndex('contracts_title').on('contracts').columns(['title', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contracts_title').execute();
  await db.schema.alterTable('contract_clauses').dropColumn('last_status').execute();
}
