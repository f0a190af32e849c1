/**
 * Group robots as their operators configure them: a DingTalk signing secret (sealed, see
 * core/secrets.ts), a DingTalk keyword every message carries, and which kinds of notice a
 * robot receives (null = all). The outbox records each attempt's time so the 20-per-minute
 * limit can be kept per robot URL over a sliding minute.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhooks').addColumn('secret_sealed', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('keyword', 'text').execute();
  await db.schema.alterTable('webhooks').addColumn('events', 'text').execute();
  await db.schema.alterTable('webhook_outbox').addColumn('last_attempt_at', 'text').execute();
  await db.schema.createIndex('webhook_outbox_last_attempt').on('webhook_outbox').column('last_attempt_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('webhook_outbox_last_attempt').execute();
  await db.schema.alterTable('webhook_outbox').dropColumn('last_attempt_at').execute();
  for (const c of ['events', 'keyword', 'secret_sealed']) await db.schema.alterTable('webhooks').dropColumn(c).execute();
}
