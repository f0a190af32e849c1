/**
 * The ten-minute session's photo becomes a core file (core/files) owned by its session as
 * 'moralEducation.session', and the session row no longer names a file. The migrated file takes
 * its session's id (both engines share no SQL that makes a UUID, and a session has one photo).
 * SQL only: the bytes stay where they were, DATA_DIR/files/moral-<hex>.<ext>, and the storage
 * key says so ('legacy/<name>'); core moves them into its own layout at the next start and
 * hashes them then (server/core/files/legacy.ts) — until then sha256 is ''.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into files (id, owner_kind, owner_id, uploader_account_id, name, type, size, sha256, storage_key, created_at, claimed_at)
    select s.id,
           'moralEducation.session',
           s.id,
           a.id,
           case s.photo_mime when 'image/png' then '照片.png' when 'image/webp' then '照片.webp' else '照片.jpg' end,
           coalesce(s.photo_mime, 'image/jpeg'),
           coalesce(s.photo_size, 0),
           '',
           'legacy/' || s.photo_name,
           s.created_at,
           s.created_at
      from moral_sessions s
      left join accounts a on a.id = s.recorded_by
     where s.photo_name is not null`.execute(db);
  // One column per statement: SQLite's ALTER TABLE drops one at a time.
  for (const column of ['photo_name', 'photo_mime', 'photo_size']) await db.schema.alterTable('moral_sessions').dropColumn(column).execute();
}

/** Back to the columns. Only photos still in the old place return; bytes core has moved stay in DATA_DIR/files/core. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('moral_sessions').addColumn('photo_name', 'text').execute();
  await db.schema.alterTable('moral_sessions').addColumn('photo_mime', 'text').execute();
  await db.schema.alterTable('moral_sessions').addColumn('photo_size', 'integer').execute();
  await sql`
    update moral_sessions
       set photo_name = (select substr(f.storage_key, 8) from files f where f.owner_kind = 'moralEducation.session' and f.owner_id = moral_sessions.id and f.storage_key like 'legacy/%'),
           photo_mime = (select f.type from files f where f.owner_kind = 'moralEducation.session' and f.owner_id = moral_sessions.id and f.storage_key like 'legacy/%'),
           photo_size = (select f.size from files f where f.owner_kind = 'moralEducation.session' and f.owner_id = moral_sessions.id and f.storage_key like 'legacy/%')`.execute(
    db,
  );
  await sql`delete from files where owner_kind = 'moralEducation.session'`.execute(db);
}
