/**
 * The anonymity rule for what is already stored (docs/architecture.md, 匿名规则): anonymous
 * appeals move to their unit and lose the author's employment category (the cells follow
 * through their triggers), their group-alert signatures count each as a worker of its own
 * (authorKeyOf), and alerts and merged masters are recounted the same way. Also the setting
 * that lets a union chair reveal (off unless an org turns it on).
 *
 * Not undone by `down`: which team an anonymous appeal came from is deliberately forgotten.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeal_settings').addColumn('chair_may_reveal', 'integer').execute();
  await placeAnonymous(db);
}

/** The data step alone (idempotent), so a test can run it over appeals stored the old way. */
export async function placeAnonymous(db: Kysely<any>): Promise<void> {
  await sql`update appeals set org_id = unit_id, author_category = null where anonymous = 1 and (org_id <> unit_id or author_category is not null)`.execute(db);
  await sql`update appeal_signatures set author_key = appeal_id where appeal_id in (select id from appeals where anonymous = 1)`.execute(db);
  await sql`update appeal_group_alerts set worker_count = (select count(distinct s.author_key) from appeal_signatures s where s.group_alert_id = appeal_group_alerts.id)
    where id in (select group_alert_id from appeal_signatures where group_alert_id is not null)`.execute(db);
  await sql`update appeals set affected_workers = (select count(distinct case when d.anonymous = 1 then d.id else coalesce(d.author_person_id, d.author_account_id) end)
      from appeals d where d.id = appeals.id or d.master_id = appeals.id)
    where id in (select master_id from appeals where master_id is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appeal_settings').dropColumn('chair_may_reveal').execute();
}
