/**
 * Appeals' attachments become core files (core/files), owned by their appeal as
 * 'appeals.appeal', with the same ids (attachment URLs and the audit's attachment ids stay
 * valid); uploads no appeal claimed yet stay unclaimed uploads of their uploader, so a form
 * open across the upgrade still submits. SQL only: the bytes stay in DATA_DIR/files/appeals
 * and the storage key says so ('legacy/appeals/<key>'); core moves them into its own layout
 * at the next start (server/core/files/legacy.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into files (id, owner_kind, owner_id, uploader_account_id, name, type, size, sha256, storage_key, created_at, claimed_at)
    select a.id,
           case when a.appeal_id is null then null else 'appeals.appeal' end,
           a.appeal_id,
           a.uploader_account_id,
           a.file_name,
           a.content_type,
           a.size,
           a.sha256,
           'legacy/appeals/' || a.storage_key,
           a.created_at,
           case when a.appeal_id is null then null else coalesce(p.created_at, a.created_at) end
      from appeal_attachments a
      left join appeals p on p.id = a.appeal_id`.execute(db);
  await db.schema.dropTable('appeal_attachments').execute();
}

/** Back to the old table. Bytes core has already moved stay in DATA_DIR/files/core (the old code would answer 410). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appeal_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('uploader_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeal_attachments_appeal').on('appeal_attachments').column('appeal_id').execute();
  await db.schema.createIndex('appeal_attachments_orphans').on('appeal_attachments').columns(['uploader_account_id', 'created_at']).execute();
  await sql`
    insert into appeal_attachments (id, appeal_id, uploader_account_id, file_name, content_type, size, storage_key, sha256, created_at)
    select id, owner_id, uploader_account_id, name, type, size,
           case when storage_key like 'legacy/appeals/%' then substr(storage_key, 16) else storage_key end,
           sha256, created_at
      from files
     where owner_kind = 'appeals.appeal' and uploader_account_id is not null`.execute(db);
  await sql`delete from files where owner_kind = 'appeals.appeal'`.execute(db);
}
